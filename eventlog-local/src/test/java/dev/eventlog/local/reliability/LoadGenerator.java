package dev.eventlog.local.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Test harness: a closed-loop load generator. Each of N clients holds one keep-alive connection and sends its next
 * request as soon as the previous one is answered, until the time is up. It counts completed requests per time
 * slice and latencies in a fixed histogram, so that its own memory stays flat however long it runs.
 */
final class LoadGenerator {

    /** What a client sends next, and which answers count as success. */
    interface Script {
        Request next(int client, long sequence);

        default boolean acceptable(Request request, HttpMessage response) {
            return response.status() < 400;
        }
    }

    /** One request of a script. */
    record Request(String method, String target, String body) {}

    private static final long BUCKET_NANOS = 50_000;
    private static final int BUCKETS = 200_000;

    private final int port;
    private final int clients;
    private final Duration duration;
    private final Duration slice;

    LoadGenerator(int port, int clients, Duration duration, Duration slice) {
        this.port = port;
        this.clients = clients;
        this.duration = duration;
        this.slice = slice;
    }

    LoadReport run(Script script) throws InterruptedException {
        int slices = (int) Math.max(1, duration.toNanos() / slice.toNanos());
        AtomicLongArray perSlice = new AtomicLongArray(slices);
        AtomicLongArray latency = new AtomicLongArray(BUCKETS);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + slices * slice.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        try (KeepAliveConnection connection = new KeepAliveConnection(port, 30_000)) {
                            for (long sequence = 0; System.nanoTime() < end; sequence++) {
                                Request request = script.next(client, sequence);
                                long sent = System.nanoTime();
                                String error = null;
                                try {
                                    HttpMessage response =
                                            connection.send(request.method(), request.target(), request.body());
                                    if (!script.acceptable(request, response)) {
                                        error = request.method() + " " + response.status();
                                    }
                                } catch (IOException | RuntimeException e) {
                                    error = request.method() + " "
                                            + e.getClass().getSimpleName();
                                    connection.close();
                                }
                                long finished = System.nanoTime();
                                requests.incrementAndGet();
                                if (error != null) {
                                    errors.incrementAndGet();
                                    errorKinds
                                            .computeIfAbsent(error, k -> new AtomicLong())
                                            .incrementAndGet();
                                }
                                int index = (int) ((finished - start) / slice.toNanos());
                                if (index < slices) {
                                    perSlice.incrementAndGet(index);
                                }
                                latency.incrementAndGet((int) Math.min(BUCKETS - 1, (finished - sent) / BUCKET_NANOS));
                            }
                        } finally {
                            done.countDown();
                        }
                    },
                    "load-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        long[] slicesOut = new long[slices];
        for (int i = 0; i < slices; i++) {
            slicesOut[i] = perSlice.get(i);
        }
        Map<String, Long> kinds = new java.util.HashMap<>();
        errorKinds.forEach((k, v) -> kinds.put(k, v.get()));
        return new LoadReport(
                requests.get(),
                errors.get(),
                kinds,
                slicesOut,
                slice.toNanos() / 1e9,
                percentile(latency, 0.50),
                percentile(latency, 0.99),
                percentile(latency, 1.0));
    }

    private static double percentile(AtomicLongArray histogram, double fraction) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += histogram.get(i);
        }
        long rank = Math.max(1, (long) Math.ceil(total * fraction));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += histogram.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return 0;
    }
}
