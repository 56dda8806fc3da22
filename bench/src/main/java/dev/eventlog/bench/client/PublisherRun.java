package dev.eventlog.bench.client;

import dev.eventlog.client.HttpEventLog;
import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.publish.EventPublisher;
import dev.eventlog.inmemory.InMemoryEventLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The Java client against a running {@code serve}: events per second recorded one per call through
 * {@link HttpEventLog} against the same client behind an {@link EventPublisher}; the time {@code publish()} takes on
 * the caller's thread at a steady rate the API keeps up with (and at that rate over a store in this JVM, the
 * caller's own cost without the server on the same cores); and the heap while the API is gone and the queue is full. Arguments: the API's URL, events one per call, events published, seconds of steady publishing, seconds with
 * the API gone, output TSV.
 */
public final class PublisherRun {

    private PublisherRun() {
    }

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0]);
        int perCall = Integer.parseInt(args[1]);
        int published = Integer.parseInt(args[2]);
        int steadySeconds = Integer.parseInt(args[3]);
        int goneSeconds = Integer.parseInt(args[4]);
        HttpEventLog client = HttpEventLog.builder().endpoint(api).build();

        oneByOne(client, "warm", perCall / 10 + 1);
        publishAll(client, "warm", published / 10 + 1);
        double perCallRate = oneByOne(client, "call", perCall);
        double publishedRate = publishAll(client, "bulk", published);
        long[] latencies = steady(client, publishedRate / 4, steadySeconds);
        // The same calls over a store in this JVM: the caller's own cost, without the server on the same cores.
        steady(new InMemoryEventLog(), publishedRate / 4, 1);
        long[] alone = steady(new InMemoryEventLog(), publishedRate / 4, steadySeconds);
        long[] heap = heapWhileGone(goneSeconds);

        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[5])))) {
            out.println("key\tvalue");
            out.printf("per_call_events_per_s\t%.0f%n", perCallRate);
            out.printf("publisher_events_per_s\t%.0f%n", publishedRate);
            out.printf("ratio\t%.1f%n", publishedRate / perCallRate);
            out.printf("steady_rate_per_s\t%.0f%n", publishedRate / 4);
            out.printf("publish_calls\t%d%n", latencies.length);
            out.printf("publish_p50_us\t%.1f%n", percentile(latencies, 50) / 1000.0);
            out.printf("publish_p99_us\t%.1f%n", percentile(latencies, 99) / 1000.0);
            out.printf("publish_max_us\t%.1f%n", percentile(latencies, 100) / 1000.0);
            out.printf("alone_p50_us\t%.1f%n", percentile(alone, 50) / 1000.0);
            out.printf("alone_p99_us\t%.1f%n", percentile(alone, 99) / 1000.0);
            out.printf("alone_max_us\t%.1f%n", percentile(alone, 100) / 1000.0);
            out.printf("heap_first_mib\t%.1f%n", heap[0] / 1048576.0);
            out.printf("heap_max_mib\t%.1f%n", Arrays.stream(heap).max().orElse(0) / 1048576.0);
            out.printf("heap_last_mib\t%.1f%n", heap[heap.length - 1] / 1048576.0);
            out.printf("heap_samples\t%d%n", heap.length);
        }
    }

    /** Records {@code count} events, one request each, and answers the events per second. */
    private static double oneByOne(EventLogPort client, String run, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            EventRecord event = new EventRecord(
                    EventKey.parse("2024-08-01", time(i), run + "-" + i), "bench", "call", Map.of("n", Integer.toString(i)));
            client.append(event);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Publishes {@code count} events as fast as the publisher takes them and answers events per second delivered. */
    private static double publishAll(EventLogPort client, String run, int count) {
        List<CompletableFuture<AppendResult>> delivered = new ArrayList<>(count);
        long start = System.nanoTime();
        try (EventPublisher publisher = EventPublisher.builder(client).build()) {
            for (int i = 0; i < count; i++) {
                delivered.add(publisher.publish(draft(run, i)));
            }
            CompletableFuture.allOf(delivered.toArray(CompletableFuture[]::new)).join();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** The time each {@code publish()} takes, at {@code rate} events per second for {@code seconds}. */
    private static long[] steady(EventLogPort client, double rate, int seconds) {
        long interval = (long) (1e9 / Math.max(1, rate));
        int calls = (int) Math.max(1, rate * seconds);
        long[] took = new long[calls];
        List<CompletableFuture<AppendResult>> delivered = new ArrayList<>(calls);
        try (EventPublisher publisher = EventPublisher.builder(client).build()) {
            long next = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                EventDraft draft = draft("steady", i);
                long before = System.nanoTime();
                delivered.add(publisher.publish(draft));
                took[i] = System.nanoTime() - before;
                next += interval;
            }
            CompletableFuture.allOf(delivered.toArray(CompletableFuture[]::new)).join();
        }
        return took;
    }

    /**
     * Publishes without pause for {@code seconds} to an address where nothing listens (the API stopped), with a short
     * wait for room in the queue, and samples the heap after a collection once a second: it must stay flat.
     */
    private static long[] heapWhileGone(int seconds) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpEventLog gone = HttpEventLog.builder()
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .maxAttempts(2)
                .build();
        long[] heap = new long[seconds];
        try (EventPublisher publisher = EventPublisher.builder(gone)
                .enqueueTimeout(Duration.ofMillis(5))
                .deliveryTimeout(Duration.ofSeconds(2))
                .closeTimeout(Duration.ofSeconds(1))
                .build()) {
            long end = System.nanoTime();
            int i = 0;
            for (int second = 0; second < seconds; second++) {
                end += TimeUnit.SECONDS.toNanos(1);
                while (System.nanoTime() < end) {
                    publisher.publish(draft("gone", i++)).exceptionally(failure -> null);
                }
                System.gc();
                Thread.sleep(50);
                Runtime runtime = Runtime.getRuntime();
                heap[second] = runtime.totalMemory() - runtime.freeMemory();
            }
        }
        return heap;
    }

    private static EventDraft draft(String run, int i) {
        return new EventDraft("2024-08-02", time(i), "bench", run, Map.of("n", Integer.toString(i)));
    }

    private static String time(int i) {
        int millis = i % 86_400_000;
        return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }

    private static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
