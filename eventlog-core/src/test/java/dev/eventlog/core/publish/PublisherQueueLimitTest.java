package dev.eventlog.core.publish;

import static dev.eventlog.core.publish.Publishing.PATIENCE;
import static dev.eventlog.core.publish.Publishing.await;
import static dev.eventlog.core.publish.Publishing.awaitWaiting;
import static dev.eventlog.core.publish.Publishing.failure;
import static dev.eventlog.core.publish.Publishing.publisher;
import static dev.eventlog.core.publish.Publishing.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.publish.PublishRejectedException.Reason;
import dev.eventlog.core.usecase.ScriptedEventLog;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The memory bound: events count from acceptance until settled; a full queue makes publish wait, then fail its
 * future, never block for good nor drop an event silently. The store is held so that nothing settles.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PublisherQueueLimitTest {

    private final ScriptedEventLog store = new ScriptedEventLog();

    /** One event per batch and one batch in flight, so the first event is held in the store's call. */
    private EventPublisherBuilder heldPublisher() {
        store.hold();
        return publisher(store).maxInFlight(1).maxBatchEvents(1).linger(Duration.ZERO);
    }

    @Test
    void fullQueue_makesPublishWaitItsTimeThenFailTheFuture() throws Exception {
        try (EventPublisher publisher = heldPublisher()
                .maxQueuedEvents(3)
                .enqueueTimeout(Duration.ofMillis(20))
                .build()) {
            CompletableFuture<AppendResult> inFlight = publisher.publish(timed("a", 1));
            assertTrue(store.awaitCalls(1, PATIENCE));
            publisher.publish(timed("b", 2));
            publisher.publish(timed("c", 3));

            CompletableFuture<AppendResult> refused = publisher.publish(timed("d", 4));

            PublishRejectedException full = failure(PublishRejectedException.class, refused);
            assertEquals(Reason.QUEUE_FULL, full.reason());
            assertTrue(full.getMessage().contains("3 events"), full.getMessage());
            assertEquals(new PublisherStats(3, 0, 0, 1, 0), publisher.stats());

            store.open();
            assertEquals(AppendOutcome.CREATED, await(inFlight).outcome());
            publisher.flush();
            assertEquals(3, store.stored(), "the refused event was never sent");
        }
    }

    @Test
    void waitingPublish_isAcceptedAsSoonAsRoomFrees() throws Exception {
        try (EventPublisher publisher =
                heldPublisher().maxQueuedEvents(1).enqueueTimeout(PATIENCE).build()) {
            CompletableFuture<AppendResult> first = publisher.publish(timed("a", 1));
            AtomicReference<CompletableFuture<AppendResult>> second = new AtomicReference<>();
            Thread waiting = new Thread(() -> second.set(publisher.publish(timed("b", 2))));
            waiting.start();
            awaitWaiting(waiting);

            store.open();
            waiting.join();

            assertEquals(AppendOutcome.CREATED, await(first).outcome());
            assertEquals(AppendOutcome.CREATED, await(second.get()).outcome());
        }
    }

    @Test
    void byteLimit_countsEachEventsEstimatedSize() throws Exception {
        long eventBytes = RecordSize.of(timed("a", 1).toRecord());
        try (EventPublisher publisher = heldPublisher()
                .maxQueuedBytes(2 * eventBytes + eventBytes / 2)
                .enqueueTimeout(Duration.ZERO)
                .build()) {
            publisher.publish(timed("a", 1));
            publisher.publish(timed("b", 2));

            CompletableFuture<AppendResult> third = publisher.publish(timed("c", 3));

            assertEquals(
                    Reason.QUEUE_FULL,
                    failure(PublishRejectedException.class, third).reason());
            store.open();
        }
    }

    @Test
    void eventLargerThanTheByteLimit_isLetInWhenNothingElseIsHeld() throws Exception {
        try (EventPublisher publisher =
                heldPublisher().maxQueuedBytes(10).enqueueTimeout(Duration.ZERO).build()) {
            CompletableFuture<AppendResult> alone = publisher.publish(timed("a", 1));
            CompletableFuture<AppendResult> behind = publisher.publish(timed("b", 2));
            assertEquals(
                    Reason.QUEUE_FULL,
                    failure(PublishRejectedException.class, behind).reason());

            store.open();

            assertEquals(AppendOutcome.CREATED, await(alone).outcome());
            assertEquals(
                    AppendOutcome.CREATED,
                    await(publisher.publish(timed("c", 3))).outcome());
        }
    }

    @Test
    void callerInterruptedWhileWaitingForRoom_getsAFailedFutureAndKeepsItsInterrupt() throws Exception {
        try (EventPublisher publisher =
                heldPublisher().maxQueuedEvents(1).enqueueTimeout(PATIENCE).build()) {
            publisher.publish(timed("a", 1));
            AtomicReference<CompletableFuture<AppendResult>> refused = new AtomicReference<>();
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Thread waiting = new Thread(() -> {
                refused.set(publisher.publish(timed("b", 2)));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            waiting.start();
            awaitWaiting(waiting);

            waiting.interrupt();
            waiting.join();

            PublishRejectedException rejected = failure(PublishRejectedException.class, refused.get());
            assertEquals(Reason.INTERRUPTED, rejected.reason());
            assertInstanceOf(InterruptedException.class, rejected.getCause());
            assertTrue(stillInterrupted.get());
            store.open();
        }
        assertEquals(1, store.stored());
    }

    @Test
    void interruptedCaller_isAcceptedWithoutWaitingWhenThereIsRoom() throws Exception {
        try (EventPublisher publisher = publisher(store).build()) {
            Thread.currentThread().interrupt();
            CompletableFuture<AppendResult> accepted = publisher.publish(timed("a", 1));
            assertTrue(Thread.interrupted(), "the flag is left as it was");

            assertEquals(AppendOutcome.CREATED, await(accepted).outcome());
        }
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
