package dev.eventlog.bench.report;

import static dev.eventlog.bench.report.Cells.count;
import static dev.eventlog.bench.report.Cells.number;
import static dev.eventlog.bench.report.Cells.pair;
import static dev.eventlog.bench.report.Cells.readLabel;

import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.bench.report.JmhResults.Latency;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The results about latency inside one JVM: warm latency of the handler, the raw SDK calls and the use cases (JMH
 * and the paired run), and read cost against log size (JMH and the paired run).
 */
final class LatencySections {

    /** Route, its paired run's name, the raw call, its JMH benchmark, and the target for handler / raw (p50). */
    static final String[][] WARM_PAIRS = {
        {"POST /events (1 event)", "postOne", "PutItem (conditional)", "putItem", "1.10"},
        {"GET /events?date= (limit 100)", "getDay100", "Query (Limit 101)", "queryDay100", "1.10"},
        {"GET /events/{date}/{time}", "getByKey", "GetItem (consistent)", "getItem", "1.15"},
        {"POST /events (25 events)", "postBatch25", null, null, null},
    };

    private final Table paired;
    private final Table pairedReads;
    private final JmhResults jmh;
    private final Markdown md;

    LatencySections(Path dir, Markdown md) throws IOException {
        this.paired = Table.read(dir.resolve("paired.tsv"));
        this.pairedReads = Table.read(dir.resolve("paired-readcost.tsv"));
        this.jmh = JmhResults.readAll(dir);
        this.md = md;
    }

    /** One benchmark's latency, or null when it did not run. */
    Latency jmh(String benchmark, String... params) {
        return jmh.get(benchmark, params);
    }

    void warmLatency() {
        line("## 2. Warm latency (µs per invocation)");
        line("");
        line("| route | handler in memory p50 / p99 | handler on dynalite p50 / p99 | raw SDK call | raw p50 / p99 | handler / raw (p50) |");
        line("|---|---|---|---|---|---|");
        for (String[] pair : WARM_PAIRS) {
            Latency memory = jmh.get("HandlerLatencyBenchmark." + pair[1], "store", "memory");
            Latency dynalite = jmh.get("HandlerLatencyBenchmark." + pair[1], "store", "dynalite");
            Latency raw = pair[3] == null ? null : jmh.get("RawSdkLatencyBenchmark." + pair[3]);
            row(pair[0], pair(memory), pair(dynalite), pair[2] == null ? "(25 conditional PutItems in parallel)" : pair[2], pair(raw),
                    raw == null || dynalite == null ? "" : String.format("%.2fx", dynalite.p50() / raw.p50()));
        }
        line("");
        line("JMH runs one benchmark after another, each in its own JVM, so the handler and the raw call above meet"
                + " different moments of a shared machine and of dynalite. The target is judged on the paired run below:"
                + " one JVM, the handler and the raw call alternating call by call (which goes first alternates too).");
        line("");
        line("| route | pairs | handler p50 / p99 | raw SDK p50 / p99 | handler / raw (p50) |");
        line("|---|---|---|---|---|");
        for (String[] pair : WARM_PAIRS) {
            pairedRow(pair[0] + " vs " + pair[2], pair[1]);
        }
        pairedRow("GET one day (limit 100) through the store alone, no handler and no JSON, vs Query (Limit 101)", "storeDay100");
        line("");
        line("The last row splits the GET one day ratio: what the store adds over the raw call, the rest being what the"
                + " handler adds (routing, the use case, JSON, the payload and the access-log line).");
        line("");
        line("The use cases alone on the in-memory store (no JSON, no payload 2.0):");
        line("");
        line("| use case | p50 / p99 |");
        line("|---|---|");
        for (String method : List.of("recordStamped", "getByKey", "listDay")) {
            row("EventLogService." + method, pair(jmh.get("ServiceLatencyBenchmark." + method)));
        }
        line("");
    }

    private void pairedRow(String label, String route) {
        paired.where("route", route).stream().findFirst().ifPresent(r -> row(label, r.get("pairs"),
                r.get("handler_p50_us") + " / " + r.get("handler_p99_us"), r.get("raw_p50_us") + " / " + r.get("raw_p99_us"),
                String.format("%.2fx", pairedRatio(route))));
    }

    void readCost(String[] sizes) {
        line("## 3. Read cost against log size (p50 µs, through the handler)");
        line("");
        line("The log holds " + String.format("%,d", SampleLog.EVENTS_PER_DAY) + " events a day, so the newest day read here has the same size in both logs;"
                + " GET all is a paginated scan's first page (100 events).");
        line("");
        line("| store | read | p50 at " + count(sizes[0]) + " | p50 at " + count(sizes[1]) + " | ratio |");
        line("|---|---|---|---|---|");
        for (String store : List.of("memory", "dynalite")) {
            for (String read : List.of("getDay100", "getAllFirstPage")) {
                Latency small = jmh.get("ReadCostBenchmark." + read, "store", store, "size", sizes[0]);
                Latency large = jmh.get("ReadCostBenchmark." + read, "store", store, "size", sizes[1]);
                row(store, readLabel(read), pair(small), pair(large), String.format("%.2fx", readRatio(store, read, sizes)));
            }
        }
        line("");
        line("Those are JMH runs, one size after the other. The target is judged on the paired run: one JVM, a handler on"
                + " each log, the two called alternately (which goes first alternates too).");
        line("");
        line("| store | read | pairs | p50 / p99 at " + count(sizes[0]) + " | p50 / p99 at " + count(sizes[1]) + " | ratio (p50) |");
        line("|---|---|---|---|---|---|");
        for (Map<String, String> r : pairedReads.rows()) {
            row(r.get("store"), readLabel(r.get("read")), r.get("pairs"), r.get("small_p50_us") + " / " + r.get("small_p99_us"),
                    r.get("large_p50_us") + " / " + r.get("large_p99_us"),
                    String.format("%.2fx", pairedReadRatio(r.get("store"), r.get("read"))));
        }
        line("");
    }

    private double readRatio(String store, String read, String[] sizes) {
        Latency small = jmh.get("ReadCostBenchmark." + read, "store", store, "size", sizes[0]);
        Latency large = jmh.get("ReadCostBenchmark." + read, "store", store, "size", sizes[1]);
        return small == null || large == null ? Double.NaN : large.p50() / small.p50();
    }

    double pairedReadRatio(String store, String read) {
        return pairedReads.rows().stream().filter(r -> store.equals(r.get("store")) && read.equals(r.get("read"))).findFirst()
                .map(r -> number(r, "large_p50_us") / number(r, "small_p50_us")).orElse(Double.NaN);
    }

    double pairedRatio(String route) {
        return paired.where("route", route).stream().findFirst()
                .map(r -> number(r, "handler_p50_us") / number(r, "raw_p50_us")).orElse(Double.NaN);
    }

    private void row(String... cells) {
        md.row(cells);
    }

    private void line(String text) {
        md.line(text);
    }
}
