package dev.eventlog.core.publish;

import dev.eventlog.core.port.AppendResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Settles each accepted event exactly once, and counts. The counters and the queue's room are updated before the
 * future completes, so whoever sees a future done also sees it counted and its room free; a flush is released
 * only after the future, so it returns with every future it waited for done.
 */
final class Ledger {

    private final PublishQueue queue;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder retries = new LongAdder();

    Ledger(PublishQueue queue) {
        this.queue = queue;
    }

    void deliver(PendingEvent event, AppendResult result) {
        settle(event, delivered, () -> event.future().complete(result));
    }

    void fail(PendingEvent event, Throwable failure) {
        settle(event, failed, () -> event.future().completeExceptionally(failure));
    }

    private void settle(PendingEvent event, LongAdder counter, Runnable completion) {
        if (event.claim()) {
            counter.increment();
            queue.settle(event);
            completion.run();
            event.settled().complete(null);
        }
    }

    CompletableFuture<AppendResult> reject(PublishRejectedException rejection) {
        rejected.increment();
        return CompletableFuture.failedFuture(rejection);
    }

    void retried() {
        retries.increment();
    }

    PublisherStats stats() {
        // Outcomes first: every event they count was accepted before, so pending() is never negative.
        long deliveredNow = delivered.sum();
        long failedNow = failed.sum();
        return new PublisherStats(queue.accepted(), deliveredNow, failedNow, rejected.sum(), retries.sum());
    }
}
