package dev.eventlog.dynamodb;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few threads that write a batch's events side by side, so 25 events cost a few round trips rather than 25.
 * Shared by every store in the process; idle threads end, so a frozen or idle Lambda holds none busy.
 */
final class BatchWriters {

    /** Enough to overlap a batch's round trips without opening many connections at once. */
    static final int THREADS = 8;

    static final ExecutorService POOL = create();

    private BatchWriters() {
    }

    private static ExecutorService create() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "eventlog-dynamodb-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
