package dev.eventlog.client;

import java.time.Duration;

/**
 * How hard one request is tried: at most {@code maxAttempts} sendings, each given at most {@code attemptTimeout}
 * for its answer, all within {@code deadline} of the first, with {@code delays} between them.
 */
record RetrySettings(int maxAttempts, Duration attemptTimeout, Duration deadline, RetryDelays delays) {}
