package dev.eventlog.core.publish;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.usecase.EventLogService;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of an {@link EventPublisher}. Each has a default chosen for a long-running server-side service
 * that records events while it handles requests; each setter says why. Durations run from zero to one day:
 * nothing here should wait longer.
 */
public final class EventPublisherBuilder {

    private static final Duration LONGEST = Duration.ofDays(1);

    private final EventLogPort port;
    private int maxBatchEvents = EventLogService.MAX_BATCH;
    private long maxBatchBytes = 1_000_000;
    private Duration linger = Duration.ofMillis(100);
    private int maxInFlight = 4;
    private int maxQueuedEvents = 10_000;
    private long maxQueuedBytes = 16L * 1024 * 1024;
    private Duration enqueueTimeout = Duration.ofSeconds(1);
    private Duration deliveryTimeout = Duration.ofMinutes(2);
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration closeTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private String threadName = "eventlog-publisher";

    EventPublisherBuilder(EventLogPort port) {
        this.port = port;
    }

    /**
     * The most events in one call to the store, 1 to 25. Default 25, the most one request to the HTTP API may
     * carry: the fewer calls, the more events a second one sender delivers.
     */
    public EventPublisherBuilder maxBatchEvents(int events) {
        maxBatchEvents = within("maxBatchEvents", events, 1, EventLogService.MAX_BATCH);
        return this;
    }

    /**
     * The most bytes in one call to the store, by an estimate that never falls below an event's JSON size; a
     * single larger event goes alone. Default 1,000,000: below the HTTP API's request limit of 1 MiB, so a batch
     * is never refused as too large.
     */
    public EventPublisherBuilder maxBatchBytes(long bytes) {
        maxBatchBytes = within("maxBatchBytes", bytes, 1, Long.MAX_VALUE);
        return this;
    }

    /**
     * How long the oldest queued event waits for others to fill its batch; a full batch goes at once. Default
     * 100 ms: a busy service (hundreds of events a second) fills batches well before it, and at a trickle no
     * event waits longer than a tenth of a second. Zero sends whatever is queued as soon as a sender is free.
     */
    public EventPublisherBuilder linger(Duration linger) {
        this.linger = duration("linger", linger);
        return this;
    }

    /**
     * How many batches are sent at the same time, one sender thread each, 1 to 64. Default 4: enough to keep the store
     * busy while one batch waits for a slow answer or a retry, and few enough that one service does not take up
     * the API function's concurrency (each batch in flight is one invocation). With 1, events reach the store in
     * publish order, retries included.
     */
    public EventPublisherBuilder maxInFlight(int batches) {
        maxInFlight = within("maxInFlight", batches, 1, 64);
        return this;
    }

    /**
     * The most events held at once, from acceptance until their outcome (queued or in flight). Default 10,000:
     * the events of a busy service for the better part of a minute, enough to ride out a store that slows down
     * or throttles, while keeping the per-event bookkeeping to a few megabytes.
     */
    public EventPublisherBuilder maxQueuedEvents(int events) {
        maxQueuedEvents = within("maxQueuedEvents", events, 1, Integer.MAX_VALUE);
        return this;
    }

    /**
     * The most estimated bytes held at once, counted like {@link #maxQueuedEvents}. Default 16 MiB: a small share
     * of a service's heap whatever its events' sizes (the estimate overstates, so the content held is less).
     * An event larger than the limit is let in when nothing else is held.
     */
    public EventPublisherBuilder maxQueuedBytes(long bytes) {
        maxQueuedBytes = within("maxQueuedBytes", bytes, 1, Long.MAX_VALUE);
        return this;
    }

    /**
     * How long {@code publish} waits for room in a full queue before its future fails with
     * {@link PublishRejectedException}. Default 1 s: long enough to ride out a burst, short enough that a
     * request thread is not held for long when the store is down; the failure tells the caller at once.
     */
    public EventPublisherBuilder enqueueTimeout(Duration timeout) {
        enqueueTimeout = duration("enqueueTimeout", timeout);
        return this;
    }

    /**
     * How long after acceptance an event may take to be delivered, waiting and retries included, before its
     * future fails with {@link EventNotDeliveredException}. Default 2 minutes: rides out throttling, a cold
     * start or a short outage of the store; longer would hold memory and leave the caller unaware of an outage.
     */
    public EventPublisherBuilder deliveryTimeout(Duration timeout) {
        deliveryTimeout = duration("deliveryTimeout", timeout);
        if (deliveryTimeout.isZero()) {
            throw new IllegalArgumentException("deliveryTimeout must be positive: with 0 no event could be sent");
        }
        return this;
    }

    /**
     * The backoff between attempts while the store is unavailable: retry {@code n} waits a random time below
     * {@code min(max, initial * 2^n)} (full jitter). Default 100 ms and 10 s: throttling usually clears within a
     * few hundred milliseconds; the cap still retries at least every 10 s through a longer outage; the jitter
     * keeps many publishers from retrying in step.
     */
    public EventPublisherBuilder backoff(Duration initial, Duration max) {
        Duration first = duration("initialBackoff", initial);
        Duration cap = duration("maxBackoff", max);
        if (first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "backoff needs 0 < initial <= max (got initial " + first + ", max " + cap + ")");
        }
        initialBackoff = first;
        maxBackoff = cap;
        return this;
    }

    /**
     * How long {@link EventPublisher#close()} waits for queued events to be delivered. Default 10 s: well inside
     * the 30 s that Kubernetes and ECS give a process between SIGTERM and SIGKILL, leaving time for the rest of
     * the shutdown.
     */
    public EventPublisherBuilder closeTimeout(Duration timeout) {
        closeTimeout = duration("closeTimeout", timeout);
        return this;
    }

    /** The clock that stamps drafts without a time. Default: the system clock in UTC. */
    public EventPublisherBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The prefix of the sender threads' names ({@code prefix-1}, {@code prefix-2}, ...), to tell a service's
     * publishers apart in a thread dump. Default {@code eventlog-publisher}.
     */
    public EventPublisherBuilder threadName(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("threadName must not be blank");
        }
        threadName = prefix;
        return this;
    }

    /** A publisher with these settings; its sender threads are running. */
    public EventPublisher build() {
        return EventPublisher.start(
                port,
                new PublisherSettings(
                        maxBatchEvents,
                        maxBatchBytes,
                        linger,
                        maxInFlight,
                        maxQueuedEvents,
                        maxQueuedBytes,
                        enqueueTimeout,
                        deliveryTimeout,
                        new Backoff(initialBackoff.toNanos(), maxBackoff.toNanos()),
                        closeTimeout,
                        clock,
                        threadName));
    }

    private static int within(String name, int value, int min, int max) {
        return (int) within(name, (long) value, min, max);
    }

    private static long within(String name, long value, long min, long max) {
        if (value < min || value > max) {
            String range = max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw new IllegalArgumentException(name + " must be " + range + " (got " + value + ")");
        }
        return value;
    }

    private static Duration duration(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(name + " must be from 0 to " + LONGEST + " (got " + value + ")");
        }
        return value;
    }
}
