package dev.eventlog.core.publish;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where accepted events wait for a sender. Publishers wait here for room among the {@link HeldEvents}, which
 * counts an event until it is settled, so a store that stops answering fills the limits. Senders take batches in
 * acceptance order once the oldest event has lingered, or at once when a batch is full, a flush asks for it or
 * the publisher is closing.
 */
final class PublishQueue {

    /** What became of an offered event. */
    enum Admission {
        ACCEPTED,
        FULL,
        CLOSED,
        INTERRUPTED
    }

    private final ReentrantLock lock = new ReentrantLock();
    /** Senders wait here for a batch. */
    private final Condition work = lock.newCondition();
    /** Publishers wait here for room. */
    private final Condition room = lock.newCondition();

    private final ArrayDeque<PendingEvent> queued = new ArrayDeque<>();
    private final PublisherSettings settings;
    private final HeldEvents held;
    private long queuedBytes;
    private long accepted;
    /** Events with a sequence up to this one skip the linger: a flush is waiting for them. */
    private long flushThrough = -1;

    private boolean closing;
    private volatile boolean aborted;

    PublishQueue(PublisherSettings settings) {
        this.settings = settings;
        this.held = new HeldEvents(settings.maxQueuedEvents(), settings.maxQueuedBytes());
    }

    /** Accepts the event when there is room, waiting up to {@code waitNanos} for it. */
    Admission offer(PendingEvent event, long waitNanos) {
        lock.lock();
        try {
            long remaining = waitNanos;
            while (!closing && !held.hasRoomFor(event)) {
                if (remaining <= 0) {
                    return Admission.FULL;
                }
                try {
                    remaining = room.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Admission.INTERRUPTED;
                }
            }
            if (closing) {
                return Admission.CLOSED;
            }
            event.accepted(accepted++, System.nanoTime());
            held.add(event);
            queued.addLast(event);
            queuedBytes += event.bytes();
            // A sender must start the linger clock for a first event, or take a batch that just filled.
            if (queued.size() == 1 || batchFull()) {
                work.signal();
            }
            return Admission.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    /** The next batch, in acceptance order; empty when the sender should end (closed and drained, or aborted). */
    List<PendingEvent> takeBatch() {
        lock.lock();
        try {
            while (!aborted) {
                PendingEvent oldest = queued.peekFirst();
                if (oldest == null && closing) {
                    return List.of();
                }
                long wait = oldest == null ? Long.MAX_VALUE : lingerLeft(oldest);
                if (wait <= 0) {
                    return removeBatch();
                }
                try {
                    if (oldest == null) {
                        work.await();
                    } else {
                        work.awaitNanos(wait);
                    }
                } catch (InterruptedException e) {
                    // Only an aborting close interrupts a sender, and the loop's condition sees the abort.
                }
            }
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    private long lingerLeft(PendingEvent oldest) {
        if (closing || batchFull() || oldest.sequence() <= flushThrough) {
            return 0;
        }
        return oldest.acceptedAt() + settings.lingerNanos() - System.nanoTime();
    }

    private boolean batchFull() {
        return queued.size() >= settings.maxBatchEvents() || queuedBytes >= settings.maxBatchBytes();
    }

    /** Up to the batch limits; an event over the byte limit goes alone. */
    private List<PendingEvent> removeBatch() {
        List<PendingEvent> batch = new ArrayList<>();
        long bytes = 0;
        while (!queued.isEmpty() && batch.size() < settings.maxBatchEvents()) {
            PendingEvent next = queued.peekFirst();
            if (!batch.isEmpty() && bytes + next.bytes() > settings.maxBatchBytes()) {
                break;
            }
            batch.add(queued.removeFirst());
            bytes += next.bytes();
        }
        queuedBytes -= bytes;
        if (!queued.isEmpty()) {
            work.signal();
        }
        return batch;
    }

    /** Frees the event's room once it is settled. */
    void settle(PendingEvent event) {
        lock.lock();
        try {
            if (held.release(event) && lock.hasWaiters(room)) {
                // Every waiter checks: a small event may fit where a large one does not.
                room.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends every event accepted so far without lingering; returns what completes as each is settled. */
    List<CompletableFuture<Void>> flush() {
        lock.lock();
        try {
            flushThrough = accepted - 1;
            work.signalAll();
            return held.settledSignals();
        } finally {
            lock.unlock();
        }
    }

    /** Accepts no more events; senders send what is queued without lingering, then end. */
    void close() {
        lock.lock();
        try {
            closing = true;
            work.signalAll();
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the senders at once; returns every unsettled event, queued or in flight, for the caller to fail. */
    List<PendingEvent> abort() {
        lock.lock();
        try {
            closing = true;
            aborted = true;
            queued.clear();
            queuedBytes = 0;
            work.signalAll();
            room.signalAll();
            return held.all();
        } finally {
            lock.unlock();
        }
    }

    boolean aborted() {
        return aborted;
    }

    long accepted() {
        lock.lock();
        try {
            return accepted;
        } finally {
            lock.unlock();
        }
    }
}
