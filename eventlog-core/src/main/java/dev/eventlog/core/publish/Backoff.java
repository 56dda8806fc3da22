package dev.eventlog.core.publish;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: retry {@code n} (from 0) waits a random time below
 * {@code min(max, initial * 2^n)}, so that many publishers retrying at once spread out instead of striking a
 * recovering store in waves.
 */
record Backoff(long initialNanos, long maxNanos) {

    Backoff {
        if (initialNanos <= 0 || maxNanos < initialNanos) {
            throw new IllegalArgumentException(
                    "backoff needs 0 < initial <= max (got " + initialNanos + ", " + maxNanos + ")");
        }
    }

    /** The longest wait before retry {@code retry}. */
    long ceiling(int retry) {
        // Shifting by the leading zeros or more would overflow; by then the cap has long been reached.
        if (retry >= Long.numberOfLeadingZeros(initialNanos)) {
            return maxNanos;
        }
        return Math.min(maxNanos, initialNanos << retry);
    }

    /** A random wait in {@code [0, ceiling(retry))}. */
    long delay(int retry) {
        return ThreadLocalRandom.current().nextLong(ceiling(retry));
    }
}
