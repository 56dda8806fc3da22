package dev.eventlog.core.publish;

import static dev.eventlog.core.publish.Publishing.FOREVER;
import static dev.eventlog.core.publish.Publishing.PATIENCE;
import static dev.eventlog.core.publish.Publishing.await;
import static dev.eventlog.core.publish.Publishing.awaitThreadsGone;
import static dev.eventlog.core.publish.Publishing.awaitWaiting;
import static dev.eventlog.core.publish.Publishing.failure;
import static dev.eventlog.core.publish.Publishing.publisher;
import static dev.eventlog.core.publish.Publishing.threads;
import static dev.eventlog.core.publish.Publishing.timed;
import static dev.eventlog.core.publish.Publishing.uniqueThreadName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.publish.PublishRejectedException.Reason;
import dev.eventlog.core.usecase.ScriptedEventLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Flush and close: every accepted event is delivered or failed, and the sender threads end. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PublisherCloseTest {

    private final ScriptedEventLog store = new ScriptedEventLog();
    private final String threadName = uniqueThreadName();

    /** A store that holds every call, under a publisher sending one event at a time. */
    private EventPublisher heldPublisher() {
        store.hold();
        return publisher(store)
                .threadName(threadName)
                .maxInFlight(1)
                .maxBatchEvents(1)
                .linger(Duration.ZERO)
                .build();
    }

    @Test
    void senderThreads_areNamedDaemonsThatEndAtClose() throws Exception {
        EventPublisher publisher =
                publisher(store).threadName(threadName).maxInFlight(3).build();
        List<Thread> senders = threads(threadName);
        assertEquals(3, senders.size());
        assertTrue(senders.stream().allMatch(Thread::isDaemon));

        publisher.close();

        awaitThreadsGone(threadName);
    }

    @Test
    void close_deliversWhatIsQueuedWithoutWaitingForTheLinger() throws Exception {
        EventPublisher publisher =
                publisher(store).threadName(threadName).linger(FOREVER).build();
        List<CompletableFuture<AppendResult>> futures = IntStream.range(0, 10)
                .mapToObj(i -> publisher.publish(timed("user-" + i, i)))
                .toList();

        assertTrue(publisher.close(PATIENCE));

        for (CompletableFuture<AppendResult> future : futures) {
            assertEquals(AppendOutcome.CREATED, await(future).outcome());
        }
        awaitThreadsGone(threadName);
    }

    @Test
    void publishAfterClose_failsTheFutureAndCloseAgainChangesNothing() {
        EventPublisher publisher = publisher(store).build();
        assertTrue(publisher.close(PATIENCE));

        CompletableFuture<AppendResult> late = publisher.publish(timed("a", 1));

        PublishRejectedException closed = failure(PublishRejectedException.class, late);
        assertEquals(Reason.CLOSED, closed.reason());
        assertTrue(closed.getMessage().contains("closed"));
        assertTrue(publisher.close(Duration.ZERO), "the first close's answer");
        publisher.close();
        assertEquals(new PublisherStats(0, 0, 0, 1, 0), publisher.stats());
    }

    @Test
    void closeTimeout_failsWhatIsLeftSayingWhetherItWasSent_andStopsTheThreads() throws Exception {
        EventPublisher publisher = heldPublisher();
        CompletableFuture<AppendResult> inFlight = publisher.publish(timed("a", 1));
        assertTrue(store.awaitCalls(1, PATIENCE));
        CompletableFuture<AppendResult> queued = publisher.publish(timed("b", 2));

        assertFalse(publisher.close(Duration.ofMillis(20)));

        EventNotDeliveredException unconfirmed = failure(EventNotDeliveredException.class, inFlight);
        assertTrue(unconfirmed.getMessage().contains("it may have been stored"), unconfirmed.getMessage());
        EventNotDeliveredException unsent = failure(EventNotDeliveredException.class, queued);
        assertTrue(unsent.getMessage().contains("never sent it"), unsent.getMessage());
        assertEquals(new PublisherStats(2, 0, 2, 0, 0), publisher.stats());
        awaitThreadsGone(threadName);

        store.open();
        try (EventPublisher again = publisher(store).build()) {
            assertEquals(
                    AppendOutcome.CREATED,
                    await(again.publish(unconfirmed.draft())).outcome());
            assertEquals(
                    unconfirmed.record(),
                    await(again.publish(unconfirmed.draft())).event());
        }
        assertEquals(1, store.stored());
    }

    @Test
    void closeWhileAPublisherWaitsForRoom_failsItsFutureAsClosed() throws Exception {
        store.hold();
        EventPublisher publisher = publisher(store)
                .threadName(threadName)
                .maxQueuedEvents(1)
                .enqueueTimeout(PATIENCE)
                .linger(Duration.ZERO)
                .build();
        publisher.publish(timed("a", 1));
        AtomicReference<CompletableFuture<AppendResult>> refused = new AtomicReference<>();
        Thread waiting = new Thread(() -> refused.set(publisher.publish(timed("b", 2))));
        waiting.start();
        awaitWaiting(waiting);

        publisher.close(Duration.ZERO);
        waiting.join();

        assertEquals(
                Reason.CLOSED,
                failure(PublishRejectedException.class, refused.get()).reason());
        awaitThreadsGone(threadName);
    }

    @Test
    void interruptedCloser_failsWhatIsLeftAtOnceAndKeepsItsInterrupt() throws Exception {
        EventPublisher publisher = heldPublisher();
        CompletableFuture<AppendResult> inFlight = publisher.publish(timed("a", 1));
        assertTrue(store.awaitCalls(1, PATIENCE));

        Thread.currentThread().interrupt();
        boolean delivered = publisher.close(PATIENCE);

        assertTrue(Thread.interrupted());
        assertFalse(delivered);
        failure(EventNotDeliveredException.class, inFlight);
        awaitThreadsGone(threadName);
    }

    @Test
    void closeFromACallbackOnASenderThread_stopsAcceptingWithoutWaitingForItself() throws Exception {
        EventPublisher publisher =
                publisher(store).threadName(threadName).linger(FOREVER).build();
        // Attached before the event can be sent, so the callback runs on the sender thread that settles it.
        CompletableFuture<Boolean> closedInCallback =
                publisher.publish(timed("a", 1)).thenApply(result -> publisher.close(PATIENCE));
        publisher.flush();

        assertFalse(closedInCallback.get());
        assertEquals(
                Reason.CLOSED,
                failure(PublishRejectedException.class, publisher.publish(timed("b", 2)))
                        .reason());

        assertTrue(publisher.close(PATIENCE));
        awaitThreadsGone(threadName);
    }

    @Test
    void flushFromACallbackOnASenderThread_isRefusedRatherThanWaitingForItself() throws Exception {
        try (EventPublisher publisher = publisher(store).linger(FOREVER).build()) {
            CompletableFuture<Boolean> flushedInCallback = publisher
                    .publish(timed("a", 1))
                    .thenApply(result -> {
                        try {
                            return publisher.flush(PATIENCE);
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                    });
            publisher.flush();

            ExecutionException refused = assertThrows(ExecutionException.class, flushedInCallback::get);
            assertInstanceOf(IllegalStateException.class, refused.getCause());
        }
    }

    @Test
    void flushWithATimeout_saysWhetherEverythingWasSettled() throws Exception {
        try (EventPublisher publisher = heldPublisher()) {
            publisher.publish(timed("a", 1));

            assertFalse(publisher.flush(Duration.ofMillis(20)));
            store.open();
            assertTrue(publisher.flush(PATIENCE));
            assertEquals(1, publisher.stats().delivered());
        }
    }
}
