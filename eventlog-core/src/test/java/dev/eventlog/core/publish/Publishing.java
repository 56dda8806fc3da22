package dev.eventlog.core.publish;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Drafts, builders and waits shared by the publisher's tests. Every wait is generous and proves only that
 * something happens, never how fast. The test classes also carry a {@code @Timeout}: a broken publisher would
 * leave a test waiting rather than failing.
 */
final class Publishing {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Longer than any test runs: events wait for a flush, a full batch or a close. */
    static final Duration FOREVER = Duration.ofDays(1);

    static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    private static final AtomicInteger NEXT_NAME = new AtomicInteger();

    private Publishing() {}

    /** A thread name no other publisher in the tests uses. */
    static String uniqueThreadName() {
        return "test-publisher-" + NEXT_NAME.incrementAndGet();
    }

    /** A builder with its own thread name and quick retries. */
    static EventPublisherBuilder publisher(EventLogPort port) {
        return EventPublisher.builder(port)
                .threadName(uniqueThreadName())
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    /** An event at the {@code n}-th millisecond of {@link #DAY}, its id derived from its content. */
    static EventDraft timed(String userId, int n) {
        String time = new EventTime(DAY, LocalTime.ofNanoOfDay(n * 1_000_000L)).timeText();
        return new EventDraft(DAY.toString(), time, userId, "login");
    }

    /** An event without a time: the publisher stamps it. */
    static EventDraft stamped(String userId) {
        return new EventDraft(null, null, userId, "login");
    }

    static EventDraft withId(EventDraft draft, String eventId) {
        return new EventDraft(
                draft.date(), draft.time(), null, eventId, draft.userId(), draft.eventType(), draft.attributes());
    }

    static AppendResult await(CompletableFuture<AppendResult> future) throws Exception {
        return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exception the future fails with, of the expected type. */
    static <T extends Throwable> T failure(Class<T> type, CompletableFuture<AppendResult> future) {
        ExecutionException failed =
                assertThrows(ExecutionException.class, () -> future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        return assertInstanceOf(type, failed.getCause());
    }

    /** The live threads whose names start with {@code prefix-}. */
    static List<Thread> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix + "-") && thread.isAlive())
                .toList();
    }

    static void awaitThreadsGone(String prefix) throws InterruptedException {
        eventually(() -> threads(prefix).isEmpty(), "the threads " + prefix + "-* to end");
    }

    /** Waits until {@code thread} is parked, as a publisher waiting for room is. */
    static void awaitWaiting(Thread thread) throws InterruptedException {
        eventually(
                () -> thread.getState() == Thread.State.TIMED_WAITING || thread.getState() == Thread.State.WAITING,
                thread.getName() + " to wait");
    }

    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("gave up waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
