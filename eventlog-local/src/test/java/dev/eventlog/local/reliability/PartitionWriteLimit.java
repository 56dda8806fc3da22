package dev.eventlog.local.reliability;

import java.util.HashMap;
import java.util.Map;

/**
 * Test harness: DynamoDB's limit on writes to one partition key value, modelled as at most {@code perSecond} admitted
 * writes per key in each whole second of the clock. Only admitted writes count, because a throttled request consumes
 * no capacity; so a client that keeps retrying gets through at the limit's rate, as it does against DynamoDB.
 */
final class PartitionWriteLimit {

    /** The admitted writes of one key in one second. */
    private static final class Window {
        long second;
        int admitted;
    }

    private final int perSecond;
    private final Map<String, Window> windows = new HashMap<>();

    PartitionWriteLimit(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1 (got " + perSecond + ")");
        }
        this.perSecond = perSecond;
    }

    int perSecond() {
        return perSecond;
    }

    /** Whether a write to {@code key} at {@code epochMillis} is admitted; an admitted write uses up one of the second's. */
    synchronized boolean admit(String key, long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        Window window = windows.computeIfAbsent(key, k -> new Window());
        if (window.second != second) {
            window.second = second;
            window.admitted = 0;
        }
        if (window.admitted >= perSecond) {
            return false;
        }
        window.admitted++;
        return true;
    }
}
