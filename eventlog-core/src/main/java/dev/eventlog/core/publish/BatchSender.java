package dev.eventlog.core.publish;

import dev.eventlog.core.domain.EventConflictException;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The loop of each sender thread: take a batch, hand it to the port, settle every event by its outcome. A store
 * that is unavailable gets the whole batch again after a backoff, which is safe because every record carries its
 * final id (an event already stored comes back {@code EXISTING}); an event whose delivery deadline passes is
 * failed instead. Any other failure fails the batch at once: retrying would not change it.
 */
final class BatchSender implements Runnable {

    private final EventLogPort port;
    private final PublishQueue queue;
    private final Ledger ledger;
    private final Backoff backoff;
    private final Duration deliveryTimeout;

    BatchSender(EventLogPort port, PublishQueue queue, Ledger ledger, PublisherSettings settings) {
        this.port = port;
        this.queue = queue;
        this.ledger = ledger;
        this.backoff = settings.backoff();
        this.deliveryTimeout = settings.deliveryTimeout();
    }

    @Override
    public void run() {
        for (List<PendingEvent> batch = queue.takeBatch(); !batch.isEmpty(); batch = queue.takeBatch()) {
            deliver(batch);
        }
    }

    private void deliver(List<PendingEvent> batch) {
        StoreUnavailableException last = null;
        for (int retry = 0; ; retry++) {
            batch = withoutExpired(batch, last);
            if (batch.isEmpty() || queue.aborted()) {
                // After an abort the closing thread has failed every unsettled event.
                return;
            }
            if (last != null) {
                ledger.retried();
            }
            try {
                batch.forEach(PendingEvent::attempted);
                settle(
                        batch,
                        port.appendAll(batch.stream().map(PendingEvent::record).toList()));
                return;
            } catch (StoreUnavailableException e) {
                last = e;
            } catch (RuntimeException | Error e) {
                batch.forEach(event -> ledger.fail(event, e));
                if (e instanceof Error error) {
                    throw error;
                }
                return;
            }
            pause(retry, batch.get(0));
        }
    }

    private void settle(List<PendingEvent> batch, List<AppendResult> results) {
        if (results.size() != batch.size()) {
            IllegalStateException broken = new IllegalStateException(
                    "the store answered " + results.size() + " results for a batch of " + batch.size() + " events");
            batch.forEach(event -> ledger.fail(event, broken));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            AppendResult result = results.get(i);
            if (result.outcome() == AppendOutcome.CONFLICT) {
                ledger.fail(
                        batch.get(i), new EventConflictException(result.event().key()));
            } else {
                ledger.deliver(batch.get(i), result);
            }
        }
    }

    private List<PendingEvent> withoutExpired(List<PendingEvent> batch, StoreUnavailableException last) {
        long now = System.nanoTime();
        List<PendingEvent> live = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            if (now - deadline(event) >= 0) {
                EventRecord record = event.record();
                ledger.fail(event, EventNotDeliveredException.expired(record, deliveryTimeout, event.attempts(), last));
            } else {
                live.add(event);
            }
        }
        return live;
    }

    /** Waits out the backoff, but not past the first deadline in the batch (events are in acceptance order). */
    private void pause(int retry, PendingEvent oldest) {
        long untilDeadline = Math.max(0, deadline(oldest) - System.nanoTime());
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(backoff.delay(retry), untilDeadline));
        } catch (InterruptedException e) {
            // Only an aborting close interrupts a sender; the next round sees the abort and stops.
        }
    }

    private long deadline(PendingEvent event) {
        return event.acceptedAt() + deliveryTimeout.toNanos();
    }
}
