package dev.eventlog.core.publish;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An event on its way to the store: its final record (time and id fixed before the first attempt, so that every
 * attempt sends the same event), its size estimate, when it was accepted, and the future its outcome settles.
 */
final class PendingEvent {

    private final EventRecord record;
    private final long bytes;
    private final CompletableFuture<AppendResult> future = new CompletableFuture<>();
    /** Completes after {@link #future}, and so after the futures handed to callers, which depend on it. */
    private final CompletableFuture<Void> settled = new CompletableFuture<>();

    private final AtomicBoolean claimed = new AtomicBoolean();
    /** Both set under the queue's lock before any sender can see the event. */
    private long sequence;

    private long acceptedAt;
    /** Written by the one sender holding the event, read by a closing thread. */
    private volatile int attempts;

    PendingEvent(EventRecord record) {
        this.record = record;
        this.bytes = RecordSize.of(record);
    }

    void accepted(long sequence, long nanoTime) {
        this.sequence = sequence;
        this.acceptedAt = nanoTime;
    }

    /** True for the one caller that may settle the event: the outcome and a close can race to it. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    void attempted() {
        attempts++;
    }

    EventRecord record() {
        return record;
    }

    long bytes() {
        return bytes;
    }

    CompletableFuture<AppendResult> future() {
        return future;
    }

    CompletableFuture<Void> settled() {
        return settled;
    }

    long sequence() {
        return sequence;
    }

    long acceptedAt() {
        return acceptedAt;
    }

    int attempts() {
        return attempts;
    }
}
