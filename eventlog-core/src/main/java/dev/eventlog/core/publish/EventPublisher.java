package dev.eventlog.core.publish;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * Records events in the background, in batches, over any {@link EventLogPort}: the caller's thread only checks
 * and stamps an event and queues it; sender threads deliver it, retrying while the store is unavailable.
 *
 * <p>Every accepted event's future completes: with the store's {@link AppendResult} ({@code CREATED}, or
 * {@code EXISTING} when the identical event was already stored, for instance by an attempt whose answer was
 * lost), or with {@link dev.eventlog.core.domain.EventConflictException} when its identity holds other content,
 * {@link EventNotDeliveredException} when its delivery deadline passes or the publisher is closed first, or the
 * store's own exception when retrying cannot help (for instance
 * {@link dev.eventlog.core.domain.StoreConfigurationException}, or an
 * {@link InvalidInputException} from a store with rules of its own, which fails the whole batch).
 *
 * <p>Order: events are batched in the order they were accepted, so events that one thread publishes are handed
 * to the senders in that order. With more than one batch in flight, batches run side by side: a later batch may
 * reach the store, and complete, before an earlier one, and a retried batch lands after later ones. A publisher
 * built with {@code maxInFlight(1)} stores events in publish order, retries included.
 *
 * <p>Futures are completed on sender threads, and callbacks attached without an executor run there: keep them
 * short or use the {@code ...Async} variants. Cancelling a returned future does not withdraw its event.
 *
 * <pre>{@code
 * EventPublisher publisher = EventPublisher.builder(port).build();
 * Runtime.getRuntime().addShutdownHook(new Thread(publisher::close));
 * publisher.publish(new EventDraft(null, null, "alice", "login"))
 *         .whenComplete((result, failure) -> {
 *             if (failure != null) {
 *                 log.warn("event not recorded", failure);
 *             }
 *         });
 * }</pre>
 */
public final class EventPublisher implements AutoCloseable {

    private final PublisherSettings settings;
    private final PublishQueue queue;
    private final Ledger ledger;
    private final List<Thread> senders;
    /** Whether the first close delivered everything, once it has run; guarded by {@code this}. */
    private Boolean closedCleanly;

    private EventPublisher(EventLogPort port, PublisherSettings settings) {
        this.settings = settings;
        this.queue = new PublishQueue(settings);
        this.ledger = new Ledger(queue);
        BatchSender sender = new BatchSender(port, queue, ledger, settings);
        this.senders = IntStream.rangeClosed(1, settings.maxInFlight())
                .mapToObj(n -> {
                    Thread thread = new Thread(sender, settings.threadName() + "-" + n);
                    // A publisher left open must not keep the JVM alive; close() is what delivers the rest.
                    thread.setDaemon(true);
                    return thread;
                })
                .toList();
    }

    /** A builder of a publisher over {@code port}, with defaults for a server-side service. */
    public static EventPublisherBuilder builder(EventLogPort port) {
        return new EventPublisherBuilder(Objects.requireNonNull(port, "port"));
    }

    static EventPublisher start(EventLogPort port, PublisherSettings settings) {
        EventPublisher publisher = new EventPublisher(port, settings);
        publisher.senders.forEach(Thread::start);
        return publisher;
    }

    /**
     * Checks and stamps the draft on the caller's thread, then queues it for delivery. An invalid draft is refused
     * by throwing {@link InvalidInputException} with every broken rule, so that an error in the caller's own data
     * surfaces where it was made even when the future is ignored. A draft without a time takes the time of the
     * publisher's clock and a random id here, once, so that retries send the same event; a draft with a time
     * keeps its id, or takes the one derived from its content.
     *
     * <p>When the queue is full this waits up to the enqueue timeout for room; a future that fails with
     * {@link PublishRejectedException} says the event was not accepted (queue full, publisher closed, or the
     * caller interrupted while waiting, whose interrupt flag stays set).
     */
    public CompletableFuture<AppendResult> publish(EventDraft draft) {
        PendingEvent event = new PendingEvent(Objects.requireNonNull(draft, "draft")
                .validate(settings.clock())
                .orThrow());
        return switch (queue.offer(event, settings.enqueueTimeoutNanos())) {
            case ACCEPTED -> event.future().copy();
            case FULL -> ledger.reject(PublishRejectedException.queueFull(settings));
            case CLOSED -> ledger.reject(PublishRejectedException.closed());
            case INTERRUPTED -> ledger.reject(PublishRejectedException.interrupted());
        };
    }

    /**
     * Sends at once every event accepted before this call and waits until each is delivered or failed, which
     * happens within its delivery deadline (plus any store call in progress). Not for callbacks on a sender
     * thread, which would wait for themselves.
     */
    public void flush() throws InterruptedException {
        awaitSettled(Long.MAX_VALUE);
    }

    /** As {@link #flush()}, waiting at most {@code timeout}; true if every event was settled in time. */
    public boolean flush(Duration timeout) throws InterruptedException {
        return awaitSettled(timeout.toNanos());
    }

    private boolean awaitSettled(long nanos) throws InterruptedException {
        if (senders.contains(Thread.currentThread())) {
            throw new IllegalStateException(
                    "flush() from a callback on the publisher's own thread would wait for itself; attach the"
                            + " callback with an ...Async method");
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(queue.flush().toArray(CompletableFuture[]::new));
        try {
            all.get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException e) {
            throw new IllegalStateException("settling an event never fails", e);
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** {@link #close(Duration)} with the close timeout the publisher was built with. */
    @Override
    public void close() {
        close(settings.closeTimeout());
    }

    /**
     * Stops accepting events, sends what is queued without lingering and waits up to {@code timeout} for every
     * accepted event to be settled; then fails the rest with {@link EventNotDeliveredException} and stops the
     * sender threads (a thread inside a store call ends when the call returns). Returns true if nothing had to
     * be failed this way. A second call returns the first one's answer. Called from a callback on a sender
     * thread, it only stops accepting, since that thread cannot wait for itself; it then returns false.
     */
    public synchronized boolean close(Duration timeout) {
        if (closedCleanly != null) {
            return closedCleanly;
        }
        queue.close();
        if (senders.contains(Thread.currentThread())) {
            return false;
        }
        boolean drained;
        try {
            drained = awaitSenders(System.nanoTime() + timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        if (!drained) {
            for (PendingEvent event : queue.abort()) {
                ledger.fail(event, EventNotDeliveredException.closed(event.record(), event.attempts()));
            }
            senders.forEach(Thread::interrupt);
        }
        closedCleanly = drained;
        return drained;
    }

    /** A sender ends once the queue is closed and drained and its last batch settled. */
    private boolean awaitSenders(long deadline) throws InterruptedException {
        for (Thread sender : senders) {
            TimeUnit.NANOSECONDS.timedJoin(sender, deadline - System.nanoTime());
            if (sender.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** The counters as they are now. */
    public PublisherStats stats() {
        return ledger.stats();
    }
}
