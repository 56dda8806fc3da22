package dev.eventlog.core.publish;

import static dev.eventlog.core.publish.Publishing.FOREVER;
import static dev.eventlog.core.publish.Publishing.await;
import static dev.eventlog.core.publish.Publishing.publisher;
import static dev.eventlog.core.publish.Publishing.stamped;
import static dev.eventlog.core.publish.Publishing.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.usecase.ScriptedEventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How accepted events are grouped into calls to the store, and in which order they reach it. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PublisherBatchingTest {

    private final ScriptedEventLog store = new ScriptedEventLog();

    private List<Integer> batchSizes() {
        return store.calls().stream().map(List::size).toList();
    }

    @Test
    void fullBatchesOf25_goWithoutWaitingForTheLinger() throws Exception {
        try (EventPublisher publisher = publisher(store).linger(FOREVER).build()) {
            List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                futures.add(publisher.publish(timed("user-" + i, i)));
            }
            for (CompletableFuture<AppendResult> full : futures.subList(0, 50)) {
                assertEquals(AppendOutcome.CREATED, await(full).outcome());
            }
            assertEquals(List.of(25, 25), batchSizes(), "the last ten wait for more");

            publisher.flush();

            assertEquals(List.of(25, 25, 10), batchSizes());
        }
    }

    @Test
    void batchesAreCutByTheirEstimatedBytes() throws Exception {
        long eventBytes = RecordSize.of(timed("user-1", 1).toRecord());
        try (EventPublisher publisher =
                publisher(store).linger(FOREVER).maxBatchBytes(3 * eventBytes).build()) {
            for (int i = 1; i <= 7; i++) {
                publisher.publish(timed("user-" + i, i));
            }
            publisher.flush();
        }
        assertEquals(List.of(3, 3, 1), batchSizes());
    }

    @Test
    void eventLargerThanTheByteLimit_goesAlone() throws Exception {
        try (EventPublisher publisher =
                publisher(store).linger(FOREVER).maxBatchBytes(10).build()) {
            for (int i = 1; i <= 3; i++) {
                publisher.publish(timed("user-" + i, i));
            }
            publisher.flush();
        }
        assertEquals(List.of(1, 1, 1), batchSizes());
        assertEquals(3, store.stored());
    }

    @Test
    void queuedEvents_lingerUntilAFlushSendsThemTogether() throws Exception {
        try (EventPublisher publisher = publisher(store).linger(FOREVER).build()) {
            List<CompletableFuture<AppendResult>> futures =
                    List.of(publisher.publish(timed("a", 1)), publisher.publish(timed("b", 2)));
            assertTrue(store.calls().isEmpty());

            publisher.flush();

            assertTrue(futures.stream().allMatch(CompletableFuture::isDone), "flush returns once all are settled");
            assertEquals(List.of(2), batchSizes());
        }
    }

    @Test
    void loneEvent_isSentOnceItHasLingered() throws Exception {
        try (EventPublisher publisher =
                publisher(store).linger(Duration.ofMillis(5)).build()) {
            assertEquals(
                    AppendOutcome.CREATED,
                    await(publisher.publish(timed("alice", 1))).outcome());
        }
    }

    @Test
    void withOneBatchInFlight_eachThreadsEventsReachTheStoreInPublishOrder_retriesIncluded() throws Exception {
        store.failAfterWriting(2).failNext(1).failAfterWriting(5).failNext(2);
        int threads = 4;
        int perThread = 150;
        try (EventPublisher publisher =
                publisher(store).maxInFlight(1).linger(Duration.ZERO).build()) {
            List<Thread> publishers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String user = "t" + t;
                publishers.add(new Thread(() -> {
                    for (int n = 0; n < perThread; n++) {
                        publisher.publish(n % 2 == 0 ? stamped(user + "-" + n) : timed(user + "-" + n, n));
                    }
                }));
            }
            publishers.forEach(Thread::start);
            for (Thread thread : publishers) {
                thread.join();
            }
            publisher.flush();
            assertEquals(threads * perThread, publisher.stats().delivered());
        }
        Map<String, Integer> lastSeen = new HashMap<>();
        Set<String> sent = new HashSet<>();
        List<EventRecord> previousCall = List.of();
        for (List<EventRecord> call : store.calls()) {
            if (call.equals(previousCall)) {
                continue; // a retry, sent again before any later batch
            }
            for (EventRecord event : call) {
                assertTrue(sent.add(event.userId()), "sent again after a later batch: " + event);
                String[] threadAndNumber = event.userId().split("-");
                int n = Integer.parseInt(threadAndNumber[1]);
                Integer previous = lastSeen.put(threadAndNumber[0], n);
                assertEquals(previous == null ? 0 : previous + 1, n, "order of " + threadAndNumber[0]);
            }
            previousCall = call;
        }
        assertEquals(threads * perThread, sent.size());
        assertEquals(5, store.calls().size() - new HashSet<>(store.calls()).size(), "every scripted failure retried");
    }
}
