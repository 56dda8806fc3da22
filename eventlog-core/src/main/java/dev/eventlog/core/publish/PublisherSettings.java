package dev.eventlog.core.publish;

import java.time.Clock;
import java.time.Duration;

/** The checked settings of one publisher, as the builder hands them over; durations in nanoseconds for the workers. */
record PublisherSettings(
        int maxBatchEvents,
        long maxBatchBytes,
        Duration linger,
        int maxInFlight,
        int maxQueuedEvents,
        long maxQueuedBytes,
        Duration enqueueTimeout,
        Duration deliveryTimeout,
        Backoff backoff,
        Duration closeTimeout,
        Clock clock,
        String threadName) {

    long lingerNanos() {
        return linger.toNanos();
    }

    long enqueueTimeoutNanos() {
        return enqueueTimeout.toNanos();
    }

    long deliveryTimeoutNanos() {
        return deliveryTimeout.toNanos();
    }
}
