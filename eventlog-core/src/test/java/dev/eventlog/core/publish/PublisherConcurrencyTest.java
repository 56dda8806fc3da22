package dev.eventlog.core.publish;

import static dev.eventlog.core.publish.Publishing.PATIENCE;
import static dev.eventlog.core.publish.Publishing.await;
import static dev.eventlog.core.publish.Publishing.awaitThreadsGone;
import static dev.eventlog.core.publish.Publishing.publisher;
import static dev.eventlog.core.publish.Publishing.stamped;
import static dev.eventlog.core.publish.Publishing.timed;
import static dev.eventlog.core.publish.Publishing.uniqueThreadName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.usecase.ScriptedEventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many threads publishing at once, with batches in flight side by side and a store that fails now and then. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PublisherConcurrencyTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 300;

    @Test
    void manyPublishingThreads_everyFutureCompletesAndEveryEventIsStoredOnce() throws Exception {
        ScriptedEventLog store = new ScriptedEventLog();
        store.failAfterWriting(3).failNext(2).failAfterWriting(10).failNext(1);
        String threadName = uniqueThreadName();
        ConcurrentLinkedQueue<CompletableFuture<AppendResult>> futures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try (EventPublisher publisher = publisher(store)
                .threadName(threadName)
                .linger(Duration.ofMillis(1))
                .maxQueuedEvents(500)
                .enqueueTimeout(PATIENCE)
                .build()) {
            List<Thread> publishers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String user = "t" + t;
                publishers.add(new Thread(() -> {
                    awaitQuietly(start);
                    for (int n = 0; n < PER_THREAD; n++) {
                        futures.add(publisher.publish(n % 2 == 0 ? stamped(user + "-" + n) : timed(user + "-" + n, n)));
                    }
                }));
            }
            publishers.forEach(Thread::start);
            start.countDown();
            for (Thread thread : publishers) {
                thread.join();
            }

            for (CompletableFuture<AppendResult> future : futures) {
                EventRecord event = await(future).event();
                assertEquals(event, store.find(event.key()).orElseThrow());
            }
            PublisherStats stats = publisher.stats();
            assertEquals(THREADS * PER_THREAD, stats.accepted());
            assertEquals(THREADS * PER_THREAD, stats.delivered());
            assertEquals(5, stats.retries());
        }
        assertEquals(THREADS * PER_THREAD, store.stored());
        assertEachBatchKeepsEachThreadsOrder(store.calls());
        awaitThreadsGone(threadName);
    }

    private static void assertEachBatchKeepsEachThreadsOrder(List<List<EventRecord>> calls) {
        for (List<EventRecord> call : calls) {
            assertTrue(call.size() <= 25);
            Map<String, Integer> last = new HashMap<>();
            for (EventRecord event : call) {
                String[] threadAndNumber = event.userId().split("-");
                int n = Integer.parseInt(threadAndNumber[1]);
                Integer before = last.put(threadAndNumber[0], n);
                assertTrue(before == null || before < n, "order of " + threadAndNumber[0] + " in " + call);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
