package dev.eventlog.local.reliability;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.lambda.EventLogHandler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benchmark: what write shards buy and cost, in one run on this machine. Writes: 3W single-event POSTs per second
 * on one day through the handler, against {@link PartitionThrottleProxy} counting by arrival as DynamoDB does, for
 * one shard and for four, each with two workloads: every event its own content, and a heartbeat (the same content
 * every time, so the same derived id; see {@link OfferedContent}): accepted writes per second, p99 latency and
 * throttled calls. Reads: p50 of reading one whole day of the same events through the API from a table of one shard
 * and one of four, alternating call by call, as a ratio. Not part of the build (its name is not a test's); run it
 * with
 * {@code mvn -B -o verify -pl eventlog-local -am -Dtest=WriteScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * or from its {@code main}. {@code -Deventlog.bench.seconds}, {@code .events} and {@code .reads} size it; it writes
 * its tables (markdown) to {@code -Deventlog.bench.out}, by default {@code target/write-scale.md}.
 */
class WriteScaleBenchmark {

    private static final int WRITES_PER_SECOND = 100;
    private static final int SECONDS = Integer.getInteger("eventlog.bench.seconds", 20);
    private static final int DAY_EVENTS = Integer.getInteger("eventlog.bench.events", 3000);
    private static final int READS = Integer.getInteger("eventlog.bench.reads", 21);
    private static final String OUT = System.getProperty("eventlog.bench.out", "target/write-scale.md");
    private static final int MAX_IN_FLIGHT = 48;
    private static final String WRITE_DAY = "2024-10-01";
    private static final String READ_DAY = "2024-10-02";

    /** One write run: a number of shards and a workload, and what came of it. */
    private record WriteRun(int shards, OfferedContent content, OfferedWrites.Result result, long throttled) {}

    public static void main(String[] args) throws Exception {
        new WriteScaleBenchmark().run();
    }

    @Test
    void run() throws Exception {
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        StringBuilder out = new StringBuilder();
        try (DynaliteServer dynalite = DynaliteServer.start()) {
            List<WriteRun> writes = new ArrayList<>();
            for (OfferedContent content : OfferedContent.values()) {
                for (int shards : new int[] {1, 4}) {
                    writes.add(offer(dynalite, shards, content));
                }
            }
            double[] readP50 = readCost(dynalite);
            String loadAfter = loadAverage();

            out.append(
                    "| N | events | offered | accepted writes/s | p99 (first attempt) | throttled calls | 503 answers |\n");
            out.append("|---|---|---|---|---|---|---|\n");
            for (WriteRun run : writes) {
                OfferedWrites.Result r = run.result();
                out.append(String.format(
                        "| %d | %s | %d at %.0f/s | %.0f | %.0f ms | %d | %d |%n",
                        run.shards(),
                        run.content() == OfferedContent.UNIQUE ? "each its own content" : "heartbeat (same content)",
                        r.plan().total(),
                        r.offeredPerSecond(),
                        r.acceptedPerSecond(),
                        r.p99Millis(),
                        run.throttled(),
                        r.count(503)));
            }
            out.append(String.format(
                    "%nRead one whole day of %d events through the API (pages of 1,000, following NextToken),"
                            + " p50 of %d alternating reads: N=1 %.1f ms, N=4 %.1f ms, ratio N=4/N=1 **%.2fx**"
                            + " (target <= 1.5x: %s).%n",
                    DAY_EVENTS,
                    READS,
                    readP50[0],
                    readP50[1],
                    readP50[1] / readP50[0],
                    readP50[1] / readP50[0] <= 1.5 ? "pass" : "miss"));
            out.append(String.format(
                    "%nW = %d writes/s per partition key (counted by arrival), offered 3W = %d/s for %d s, %d"
                            + " requests in flight at most, no client retries. Started %s; load average before %s, after %s;"
                            + " %d processors; Java %s.%n",
                    WRITES_PER_SECOND,
                    3 * WRITES_PER_SECOND,
                    SECONDS,
                    MAX_IN_FLIGHT,
                    started,
                    loadBefore,
                    loadAfter,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version")));
        }
        System.out.println();
        System.out.println(out);
        Path target = Path.of(OUT);
        if (target.getParent() == null || Files.isDirectory(target.getParent())) {
            Files.writeString(target, out);
        }
    }

    /** 3W POSTs a second for the run's seconds on a fresh table of {@code shards}, after a short warm-up. */
    private static WriteRun offer(DynaliteServer dynalite, int shards, OfferedContent content) throws Exception {
        String table = "bench-writes-" + shards + "-" + content.name().toLowerCase(Locale.ROOT);
        WriteShardsScaleTest.createTable(dynalite, table);
        try (PartitionThrottleProxy proxy = PartitionThrottleProxy.start(
                dynalite.endpoint(), WRITES_PER_SECOND, PartitionThrottleProxy.Seconds.ARRIVAL)) {
            EventLogHandler handler = WriteShardsScaleTest.handler(proxy.endpoint(), table, shards, "bench");
            OfferedWrites.offer(
                    handler,
                    new OfferedWrites.Plan(
                            "2024-09-30",
                            0,
                            50,
                            Duration.ofSeconds(Math.min(2, SECONDS)),
                            MAX_IN_FLIGHT,
                            0,
                            OfferedContent.UNIQUE));
            long before = proxy.throttled();
            OfferedWrites.Result result = OfferedWrites.offer(
                    handler,
                    new OfferedWrites.Plan(
                            WRITE_DAY,
                            10,
                            3 * WRITES_PER_SECOND,
                            Duration.ofSeconds(SECONDS),
                            MAX_IN_FLIGHT,
                            0,
                            content));
            long throttled = proxy.throttled() - before;
            System.out.printf("[write scale] N=%d: %s; throttled calls %d%n", shards, result, throttled);
            return new WriteRun(shards, content, result, throttled);
        }
    }

    /** p50 of reading the whole day from a table of one shard, then of four, holding the same events. */
    private static double[] readCost(DynaliteServer dynalite) throws IOException {
        int[] shards = {1, 4};
        EventLogHandler[] handlers = new EventLogHandler[2];
        for (int i = 0; i < shards.length; i++) {
            String table = "bench-reads-" + shards[i];
            WriteShardsScaleTest.createTable(dynalite, table);
            DynamoDbEventLog store = DynamoDbEventLog.builder()
                    .client(dynalite.client())
                    .tableName(table)
                    .writeShards(shards[i])
                    .build();
            List<EventRecord> batch = new ArrayList<>();
            for (int n = 0; n < DAY_EVENTS; n++) {
                int millis = n * 10;
                String time = String.format(
                        "%02d:%02d:%02d.%03d",
                        8 + millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
                batch.add(new EventRecord(
                        EventKey.parse(READ_DAY, time, "e" + n),
                        "user-" + n % 50,
                        "view",
                        Map.of("n", Integer.toString(n))));
                if (batch.size() == 25 || n == DAY_EVENTS - 1) {
                    store.appendAll(batch);
                    batch.clear();
                }
            }
            // Straight to dynalite: the read cost is the store's, not the proxy's.
            handlers[i] = WriteShardsScaleTest.handler(dynalite.endpoint(), table, shards[i], "bench");
            for (int warm = 0; warm < 5; warm++) {
                DayReads.readDay(handlers[i], READ_DAY);
            }
        }
        long[][] nanos = new long[2][READS];
        for (int r = 0; r < READS; r++) {
            for (int k = 0; k < 2; k++) {
                // Alternating which goes first, so that neither always meets a warmer cache or a quieter machine.
                int i = (r % 2 == 0) ? k : 1 - k;
                long start = System.nanoTime();
                int read = DayReads.readDay(handlers[i], READ_DAY).size();
                nanos[i][r] = System.nanoTime() - start;
                if (read != DAY_EVENTS) {
                    throw new IllegalStateException(
                            "read " + read + " events of " + DAY_EVENTS + " with N=" + shards[i]);
                }
            }
        }
        double[] p50 = new double[2];
        for (int i = 0; i < 2; i++) {
            long[] sorted = nanos[i].clone();
            Arrays.sort(sorted);
            p50[i] = sorted[sorted.length / 2] / 1e6;
        }
        return p50;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return String.format(
                    "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
