package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.usecase.EventLogService;
import java.time.Duration;
import java.util.Map;

/**
 * How long one DynamoDB call may take, per attempt and in all (retries and backoff included), chosen so that a
 * request whose store does not answer ends in a clean 503 well before the function is stopped.
 *
 * <p>The budget: the function runs for at most {@link #FUNCTION_TIMEOUT} (the CDK app's setting, which a test pins
 * equal to this constant), and must answer {@link #ANSWER_MARGIN} before that; {@link #WORK_ALLOWANCE} is kept for
 * everything around the store calls (parsing, thread hand-offs, a busy machine). When the store does not answer,
 * every call of a request fails at its call timeout, and the longest chain of such calls one after another is a
 * full batch written by the shared writer threads, {@code ceil(25 / 13) = 2} events per thread, each event taking
 * up to two calls (the check for an item written without an id that has the same identity, then the conditional
 * put): 4 calls. So the call timeout is {@code (20 s - 3 s - 2 s) / 4} rounded down to half a second: 3.5 s, and
 * such a request is answered after about 14 s. An attempt gets three eighths of the call (1.3 s): two attempts
 * and their backoff (throttling backs off from 500 ms) fit, the third is cut short by the call timeout.
 */
public record StoreCallTimeouts(Duration attempt, Duration call) {

    /** The deployed function's timeout; the CDK app sets the same value. */
    public static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(20);
    /** How long before the function's timeout a request must have its answer. */
    public static final Duration ANSWER_MARGIN = Duration.ofSeconds(3);
    /** Kept for the request's own work around its store calls. */
    static final Duration WORK_ALLOWANCE = Duration.ofSeconds(2);
    /** Overrides the call timeout (milliseconds); the attempt timeout follows it at three eighths. */
    static final String CALL_TIMEOUT_VARIABLE = "EVENTLOG_CALL_TIMEOUT_MS";

    /** Calls one event's write may make one after another: the identity check for old items, then the put. */
    private static final int CALLS_PER_EVENT = 2;

    private static final int CALLS_IN_A_ROW =
            CALLS_PER_EVENT * ((EventLogService.MAX_BATCH + StoreThreads.THREADS - 1) / StoreThreads.THREADS);

    public StoreCallTimeouts {
        if (attempt.isNegative() || attempt.isZero() || call.compareTo(attempt) < 0) {
            throw new IllegalArgumentException(
                    "timeouts: attempt must be positive and at most call (got " + attempt + ", " + call + ")");
        }
    }

    /** The timeouts that fit the deployed function's budget. */
    static StoreCallTimeouts forFunction() {
        long callMillis =
                FUNCTION_TIMEOUT.minus(ANSWER_MARGIN).minus(WORK_ALLOWANCE).toMillis() / CALLS_IN_A_ROW;
        return ofCall(Duration.ofMillis(callMillis - callMillis % 500));
    }

    /** The call timeout from {@value #CALL_TIMEOUT_VARIABLE} when set, else {@link #forFunction()}. */
    static StoreCallTimeouts from(Map<String, String> env) {
        String text = env.get(CALL_TIMEOUT_VARIABLE);
        if (text == null || text.isBlank()) {
            return forFunction();
        }
        try {
            long millis = Long.parseLong(text.trim());
            if (millis >= 100) {
                return ofCall(Duration.ofMillis(millis));
            }
        } catch (NumberFormatException e) {
            // Reported below with the value that was given.
        }
        throw new StoreConfigurationException(
                CALL_TIMEOUT_VARIABLE + " must be a whole number of milliseconds, at least 100 (got '" + text + "')",
                null);
    }

    private static StoreCallTimeouts ofCall(Duration call) {
        return new StoreCallTimeouts(call.multipliedBy(3).dividedBy(8), call);
    }

    /** The longest a request can wait on a store that does not answer, before it is answered 503. */
    Duration longestUnansweredRequest() {
        return call.multipliedBy(CALLS_IN_A_ROW);
    }
}
