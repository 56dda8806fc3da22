package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Soak: {@code serve} on the in-memory store under 32 keep-alive clients that mix writes and reads for a bounded
 * time. The writes retry a fixed set of events, so the stored set stops growing and memory must too. It must see
 * no error, no heap growth and exactly the fixed stored set. Throughput (last tenth over first tenth) is reported,
 * not asserted: on a shared machine it also measures the neighbours, so a verdict on it belongs to the benchmarks.
 * {@code -Deventlog.soak.seconds=N} runs longer (default 90, of which 30 to 45 warm up).
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class SoakTest {

    private static final int SECONDS = Integer.getInteger("eventlog.soak.seconds", 90);
    private static final int CLIENTS = 32;
    private static final int EVENTS = 2_000;
    private static final int DAYS = 10;
    /** Allowed heap growth over the steady state, after a full GC at both ends. */
    private static final long HEAP_BOUND_BYTES = 16L * 1024 * 1024;

    @Test
    void steadyMixedLoad_hasNoErrors_noHeapGrowth_andTheFixedStoredSet() throws Exception {
        PrintStream console = System.err;
        LoadReport warmup;
        LoadReport steady;
        long heapAtStart;
        long heapAtEnd;
        int stored;
        // The runner's handler logs every request to stderr; a soak's millions of lines would only fill memory.
        System.setErr(LocalServe.discard());
        try (LocalServe api = LocalServe.inMemory(LocalServe.discard())) {
            preload(api.port());
            warmup = warmUp(api.port());
            heapAtStart = heapAfterFullGc();
            int steadySeconds = Math.max(10, SECONDS - warmup.perSlice().length);
            steady = new LoadGenerator(api.port(), CLIENTS, Duration.ofSeconds(steadySeconds), Duration.ofSeconds(1))
                    .run(SoakTest::next);
            heapAtEnd = heapAfterFullGc();
            stored = countStored(api.port());
        } finally {
            System.setErr(console);
        }
        double ratio = lastOverFirstTenth(
                Arrays.stream(steady.perSlice()).asDoubleStream().toArray());
        System.out.printf(
                "%n[soak] %d clients, %d s (warm-up %d s), %d events stored%n",
                CLIENTS, SECONDS, warmup.perSlice().length, stored);
        System.out.printf(
                "[soak] warm-up: requests=%d errors=%d req/s per 1 s slice=%s%n",
                warmup.requests(), warmup.errors(), Arrays.toString(warmup.perSlice()));
        System.out.printf("[soak] steady: %s%n", steady);
        System.out.printf(
                "[soak] throughput %.0f req/s; last tenth / first tenth = %.3f (median of 1 s slices; reported, not asserted)%n",
                steady.throughput(0, steady.perSlice().length), ratio);
        System.out.printf(
                "[soak] heap after full GC: start of steady state %.1f MiB, end %.1f MiB, growth %+d KiB (bound %d MiB)%n",
                heapAtStart / 1048576.0,
                heapAtEnd / 1048576.0,
                (heapAtEnd - heapAtStart) / 1024,
                HEAP_BOUND_BYTES / 1048576);

        assertEquals(0, warmup.errors(), "errors during warm-up: " + warmup.errorKinds());
        assertEquals(0, steady.errors(), "errors: " + steady.errorKinds());
        assertEquals(EVENTS, stored, "the stored set is the fixed one");
        assertTrue(heapAtEnd - heapAtStart <= HEAP_BOUND_BYTES, "heap growth " + (heapAtEnd - heapAtStart) + " bytes");
    }

    /**
     * Runs the same load in 5 s rounds, for at least a third and at most half of the time, until two rounds in a row
     * agree within 10% (the JIT has compiled the hot paths); the steady state is measured after it.
     */
    private static LoadReport warmUp(int port) throws InterruptedException {
        List<Long> slices = new ArrayList<>();
        long errors = 0;
        java.util.Map<String, Long> kinds = new java.util.HashMap<>();
        double previous = -1;
        while (slices.size() + 5 <= Math.max(5, SECONDS / 2)) {
            LoadReport round =
                    new LoadGenerator(port, CLIENTS, Duration.ofSeconds(5), Duration.ofSeconds(1)).run(SoakTest::next);
            Arrays.stream(round.perSlice()).forEach(slices::add);
            errors += round.errors();
            round.errorKinds().forEach((k, v) -> kinds.merge(k, v, Long::sum));
            double rate = round.throughput(0, round.perSlice().length);
            if (slices.size() >= SECONDS / 3 && previous > 0 && Math.abs(rate / previous - 1) <= 0.10) {
                break;
            }
            previous = rate;
        }
        return new LoadReport(
                slices.stream().mapToLong(Long::longValue).sum(),
                errors,
                kinds,
                slices.stream().mapToLong(Long::longValue).toArray(),
                1.0,
                0,
                0,
                0);
    }

    /** One of a client's requests: writes that repeat stored events (200 existing) and the four kinds of read. */
    private static LoadGenerator.Request next(int client, long sequence) {
        long mix = (sequence * 31 + client * 17L) % 20;
        int event = (int) ((sequence * 7919 + client * 104_729L) % EVENTS);
        if (mix < 8) {
            return new LoadGenerator.Request("POST", "/events", body(event));
        }
        if (mix < 10) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 5; i++) {
                batch.append(i == 0 ? "" : ",").append(body((event + i * 97) % EVENTS));
            }
            return new LoadGenerator.Request(
                    "POST", "/events", batch.append(']').toString());
        }
        if (mix < 14) {
            return new LoadGenerator.Request("GET", "/events/" + date(event) + "/" + time(event), null);
        }
        if (mix < 18) {
            return new LoadGenerator.Request("GET", "/events?date=" + date(event) + "&limit=50&order=desc", null);
        }
        return new LoadGenerator.Request("GET", "/events?limit=100&userId=user-" + (event % 7), null);
    }

    private static String date(int event) {
        return String.format("2024-09-%02d", 1 + event % DAYS);
    }

    private static String time(int event) {
        int millis = event * 1_013;
        return String.format(
                "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }

    private static String body(int event) {
        return "{\"date\":\"" + date(event) + "\",\"time\":\"" + time(event) + "\",\"userId\":\"user-" + (event % 7)
                + "\",\"eventType\":\"soak\",\"attributes\":{\"n\":\"" + event + "\"}}";
    }

    private static void preload(int port) throws Exception {
        try (KeepAliveConnection connection = new KeepAliveConnection(port, 30_000)) {
            for (int first = 0; first < EVENTS; first += 25) {
                StringBuilder batch = new StringBuilder("[");
                for (int i = first; i < first + 25 && i < EVENTS; i++) {
                    batch.append(i == first ? "" : ",").append(body(i));
                }
                HttpMessage response =
                        connection.send("POST", "/events", batch.append(']').toString());
                assertEquals(201, response.status(), response.bodyText());
            }
        }
    }

    private static int countStored(int port) throws Exception {
        int count = 0;
        try (KeepAliveConnection connection = new KeepAliveConnection(port, 30_000)) {
            String token = null;
            do {
                HttpMessage response = connection.send(
                        "GET", "/events?limit=1000" + (token == null ? "" : "&nextToken=" + token), null);
                assertEquals(200, response.status(), response.bodyText());
                JsonObject page = JsonParser.parseString(response.bodyText()).getAsJsonObject();
                count += page.get("Count").getAsInt();
                token = page.has("NextToken")
                        ? java.net.URLEncoder.encode(
                                page.get("NextToken").getAsString(), java.nio.charset.StandardCharsets.UTF_8)
                        : null;
            } while (token != null);
        }
        return count;
    }

    /** The median rate of the last tenth of the slices over that of the first tenth; medians shrug off a lone hiccup. */
    private static double lastOverFirstTenth(double[] perSlice) {
        int tenth = Math.max(1, perSlice.length / 10);
        return median(Arrays.copyOfRange(perSlice, perSlice.length - tenth, perSlice.length))
                / median(Arrays.copyOfRange(perSlice, 0, tenth));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static long heapAfterFullGc() throws InterruptedException {
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            samples.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return samples.stream().mapToLong(Long::longValue).min().orElseThrow();
    }
}
