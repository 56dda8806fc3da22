package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few threads that send a store's independent requests side by side: a batch's 25 writes, and the queries of
 * a day's write shards, so each costs a few round trips rather than one per request. Shared by every store in
 * the process; idle threads end, so a frozen or idle Lambda holds none busy.
 */
final class StoreThreads {

    /**
     * Enough to overlap a batch's or a day's round trips without opening many connections at once: 13 threads
     * write a batch of 25 in two rounds, which keeps a batch on a store that does not answer inside the
     * function's time (see {@link StoreCallTimeouts}).
     */
    static final int THREADS = 13;

    static final ExecutorService POOL = create();

    private StoreThreads() {}

    private static ExecutorService create() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "eventlog-dynamodb-request-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** What waiting for every task gave: the results of those that succeeded, the first failure, and how many failed. */
    record Completion<T>(List<T> results, RuntimeException firstFailure, int failed) {}

    /**
     * Waits for every task, through interrupts (the flag is set again afterwards): what the caller then reports must
     * be what the store holds, so no task may still be running. A failure that is not a runtime exception becomes a
     * {@link StoreUnavailableException} with {@code failureMessage}.
     */
    static <T> Completion<T> awaitAll(List<? extends Future<? extends T>> tasks, String failureMessage) {
        List<T> results = new ArrayList<>(tasks.size());
        RuntimeException firstFailure = null;
        int failed = 0;
        boolean interrupted = false;
        for (Future<? extends T> task : tasks) {
            while (true) {
                try {
                    results.add(task.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failed++;
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime
                            ? runtime
                            : new StoreUnavailableException(failureMessage, e.getCause());
                    firstFailure = firstFailure == null ? cause : firstFailure;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Completion<>(results, firstFailure, failed);
    }
}
