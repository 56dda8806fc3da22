package dev.eventlog.core.publish;

import static dev.eventlog.core.publish.Publishing.FOREVER;
import static dev.eventlog.core.publish.Publishing.PATIENCE;
import static dev.eventlog.core.publish.Publishing.awaitThreadsGone;
import static dev.eventlog.core.publish.Publishing.failure;
import static dev.eventlog.core.publish.Publishing.publisher;
import static dev.eventlog.core.publish.Publishing.stamped;
import static dev.eventlog.core.publish.Publishing.timed;
import static dev.eventlog.core.publish.Publishing.uniqueThreadName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.usecase.ScriptedEventLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An unavailable store: batches are sent again until they land or their events' deadlines pass. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PublisherRetryTest {

    private final ScriptedEventLog store = new ScriptedEventLog();

    @Test
    void storeFailingForAWhile_getsTheSameEventsAgainAndStoresEachOnce() throws Exception {
        store.failAfterWriting(2).failNext(1);
        try (EventPublisher publisher = publisher(store).linger(FOREVER).build()) {
            List<CompletableFuture<AppendResult>> futures = IntStream.range(0, 5)
                    .mapToObj(i -> publisher.publish(i % 2 == 0 ? stamped("user-" + i) : timed("user-" + i, i)))
                    .toList();
            publisher.flush();

            List<AppendOutcome> outcomes =
                    futures.stream().map(future -> future.join().outcome()).toList();
            assertEquals(
                    List.of(
                            AppendOutcome.EXISTING,
                            AppendOutcome.EXISTING,
                            AppendOutcome.CREATED,
                            AppendOutcome.CREATED,
                            AppendOutcome.CREATED),
                    outcomes,
                    "the first attempt stored two before failing; found again, they count as delivered");
            assertEquals(new PublisherStats(5, 5, 0, 0, 2), publisher.stats());
        }
        List<List<EventRecord>> calls = store.calls();
        assertEquals(3, calls.size());
        assertEquals(calls.get(0), calls.get(1), "stamped events keep their time and id across attempts");
        assertEquals(calls.get(0), calls.get(2));
        assertEquals(5, store.stored());
    }

    @Test
    void storeThatStaysDown_failsEachFutureAfterItsDeadline_andTheThreadsEndAtClose() throws Exception {
        store.goDown();
        String threads = uniqueThreadName();
        EventPublisher publisher = publisher(store)
                .threadName(threads)
                .deliveryTimeout(Duration.ofMillis(200))
                .build();
        List<CompletableFuture<AppendResult>> futures =
                List.of(publisher.publish(timed("a", 1)), publisher.publish(stamped("b")));

        for (CompletableFuture<AppendResult> future : futures) {
            EventNotDeliveredException gaveUp = failure(EventNotDeliveredException.class, future);
            assertInstanceOf(StoreUnavailableException.class, gaveUp.getCause());
            assertTrue(gaveUp.getMessage().contains("delivery deadline of PT0.2S"), gaveUp.getMessage());
            assertTrue(gaveUp.getMessage().contains("publishing draft() again is safe"), gaveUp.getMessage());
            assertEquals(gaveUp.record(), gaveUp.draft().toRecord(), "the draft names the same event");
        }
        PublisherStats stats = publisher.stats();
        assertEquals(2, stats.failed());
        assertTrue(stats.retries() > 0);

        assertTrue(publisher.close(PATIENCE), "nothing was left to abandon");
        awaitThreadsGone(threads);
        assertEquals(0, store.stored());
    }

    @Test
    void eventWhoseDeadlinePassesWhileItWaits_failsWithoutBeingSent() throws Exception {
        store.goDown();
        store.hold();
        try (EventPublisher publisher = publisher(store)
                .maxInFlight(1)
                .maxBatchEvents(1)
                .linger(Duration.ZERO)
                .deliveryTimeout(Duration.ofMillis(100))
                .build()) {
            CompletableFuture<AppendResult> held = publisher.publish(timed("a", 1));
            assertTrue(store.awaitCalls(1, PATIENCE));
            CompletableFuture<AppendResult> waiting = publisher.publish(timed("b", 2));
            Thread.sleep(200); // past the waiting event's deadline: a wait, not a measurement

            store.open();

            assertTrue(
                    failure(EventNotDeliveredException.class, held).getMessage().contains("after 1 attempt ("));
            EventNotDeliveredException unsent = failure(EventNotDeliveredException.class, waiting);
            assertTrue(unsent.getMessage().contains("was not sent"), unsent.getMessage());
            assertTrue(unsent.getMessage().contains("this publisher never sent it"), unsent.getMessage());
        }
        assertTrue(store.calls().stream()
                .flatMap(List::stream)
                .noneMatch(e -> e.userId().equals("b")));
    }
}
