package dev.eventlog.local.reliability;

import java.util.HashMap;
import java.util.Map;

/**
 * Test harness: DynamoDB's limit on writes to one partition key value, modelled as at most {@code perSecond} admitted
 * writes per key in each whole second. Only admitted writes count, because a throttled request consumes no
 * capacity; so a client that keeps retrying gets through at the limit's rate, as it does against DynamoDB.
 */
final class PartitionWriteLimit {

    private final int perSecond;
    /** Admitted writes per key and second; a harness run lasts seconds to minutes, so nothing is ever evicted. */
    private final Map<String, Integer> admitted = new HashMap<>();

    PartitionWriteLimit(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1 (got " + perSecond + ")");
        }
        this.perSecond = perSecond;
    }

    int perSecond() {
        return perSecond;
    }

    /** Whether a write to {@code key} in {@code second} is admitted; an admitted write uses up one of that second's. */
    synchronized boolean admit(String key, long second) {
        String window = key + "@" + second;
        int before = admitted.getOrDefault(window, 0);
        if (before >= perSecond) {
            return false;
        }
        admitted.put(window, before + 1);
        return true;
    }
}
