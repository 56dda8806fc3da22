package dev.eventlog.bench.report;

import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.bench.report.JmhResults.Latency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns the raw measurements of one {@code bench/run.sh} run (TSV files and JMH JSON in one directory) into the
 * results table: every figure beside its target from the issue, with pass or miss and the margin.
 * Arguments: the measurements directory, the markdown file to write, and optionally a markdown file of notes
 * (what was tried) appended as it is.
 */
public final class ResultsReport {

    private static final double MIB = 1024 * 1024;
    private static final double JAR_LIMIT_BYTES = 8_000_000;
    /** Issue 16's targets, as shares of the Node.js original's median wall time in the same run. */
    private static final double BARE_JAR_SHARE = 1.5;
    private static final double RUN_LOCAL_SHARE = 0.8;
    /** Route, its paired run's name, the raw call, its JMH benchmark, and the target for handler / raw (p50). */
    private static final String[][] WARM_PAIRS = {
        {"POST /events (1 event)", "postOne", "PutItem (conditional)", "putItem", "1.10"},
        {"GET /events?date= (limit 100)", "getDay100", "Query (Limit 101)", "queryDay100", "1.10"},
        {"GET /events/{date}/{time}", "getByKey", "GetItem (consistent)", "getItem", "1.15"},
        {"POST /events (25 events)", "postBatch25", null, null, null},
    };

    private final Table meta;
    private final Table cold;
    private final Table firstRequest;
    private final Table classes;
    private final Table sizes;
    private final Table throughput;
    private final Table paired;
    private final Table pairedReads;
    private final JmhResults jmh;
    private final StoreCosts storeCosts;
    private final Markdown md = new Markdown();

    private ResultsReport(Path dir) throws IOException {
        meta = Table.read(dir.resolve("meta.tsv"));
        cold = Table.read(dir.resolve("cold.tsv"));
        firstRequest = Table.read(dir.resolve("first-request.tsv"));
        classes = Table.read(dir.resolve("classes.tsv"));
        sizes = Table.read(dir.resolve("sizes.tsv"));
        throughput = Table.read(dir.resolve("throughput.tsv"));
        paired = Table.read(dir.resolve("paired.tsv"));
        pairedReads = Table.read(dir.resolve("paired-readcost.tsv"));
        jmh = JmhResults.readAll(dir);
        storeCosts = new StoreCosts(dir, meta);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException("usage: ResultsReport MEASUREMENTS_DIR RESULTS_MD [NOTES_MD]");
        }
        ResultsReport report = new ResultsReport(Path.of(args[0]));
        String notes = args.length == 3 && Files.exists(Path.of(args[2])) ? "\n" + Files.readString(Path.of(args[2])) : "";
        Files.writeString(Path.of(args[1]), report.render() + notes);
    }

    private String render() {
        String[] sizes = meta.value("sizes").split(",");
        line("# EventLog benchmark results");
        line("");
        line("Produced by `bench/run.sh`" + ("smoke".equals(meta.value("mode")) ? " --smoke" : "") + " on " + meta.value("date")
                + " in " + meta.value("elapsed_s") + " s: " + meta.value("cpus") + " CPUs (" + meta.value("cpu_model") + "), "
                + meta.value("memory") + ", " + meta.value("jdk") + ", Node.js " + meta.value("node") + ", " + meta.value("os")
                + "; load average " + meta.value("load_at_start") + " at the start, " + meta.value("load_at_end") + " at the end.");
        line("Whole-process figures are min / **median** / max of " + meta.value("cold_runs")
                + " runs after warm-up, the variants alternating; latencies are JMH sample-time percentiles.");
        line("");
        headline(sizes);
        coldStart();
        warmLatency();
        readCost(sizes);
        localApi();
        size();
        storeCosts.render(md);
        return md.toString();
    }

    private void headline(String[] sizes) {
        line("## Headline figures against the targets");
        line("");
        line("| measurement | result | target | verdict |");
        line("|---|---|---|---|");
        Spread node = wall("node-original");
        for (String variant : coldVariants()) {
            double share = switch (variant) {
                case "eventlog" -> BARE_JAR_SHARE;
                case "run-local", "run-local-aot" -> RUN_LOCAL_SHARE;
                default -> Double.NaN;
            };
            if (Double.isNaN(share)) {
                continue;
            }
            double median = wall(variant).median();
            row("Cold start, " + label(variant) + ": median wall", String.format("%.3f s (%.2fx Node.js)", median, median / node.median()),
                    String.format("at most %.1fx the Node.js original's %.3f s = %.3f s", share, node.median(), share * node.median()),
                    Verdict.atMost(median, share * node.median(), "s", "%.3f"));
        }
        for (String variant : List.of("eventlog", "run-local")) {
            Spread first = Spread.of(firstRequest.numbers("variant", variant, "first_ms"));
            Spread second = Spread.of(firstRequest.numbers("variant", variant, "second_ms"));
            row("Handler's first request after init (POST), then the second (GET), " + label(variant) + ": median",
                    String.format("%.0f ms, then %.0f ms", first.median(), second.median()), "reported", "");
        }
        double peakRss = Spread.of(cold.numbers("variant", "eventlog", "maxrss_kb")).max() * 1024 / MIB;
        row("Cold start, EventLog: peak RSS (max of runs)", String.format("%.1f MiB", peakRss), "at most 100 MiB",
                Verdict.atMost(peakRss, 100, "MiB", "%.1f"));
        for (String[] pair : WARM_PAIRS) {
            if (pair[3] == null) {
                continue;
            }
            double ratio = pairedRatio(pair[1]);
            double target = Double.parseDouble(pair[4]);
            row("Warm p50 on dynalite, handler " + pair[0] + " / raw " + pair[2] + " (alternating call by call)",
                    String.format("%.2fx", ratio), "at most " + pair[4] + "x", Verdict.atMost(ratio, target, "x", "%.2f"));
        }
        Latency memoryPost = jmh.get("HandlerLatencyBenchmark.postOne", "store", "memory");
        row("Warm p50, handler POST /events in memory", micros(memoryPost == null ? Double.NaN : memoryPost.p50()), "under 20 µs",
                Verdict.atMost(memoryPost == null ? Double.NaN : memoryPost.p50(), 20, "µs", "%.1f"));
        for (String store : List.of("memory", "dynalite")) {
            for (String read : List.of("getDay100", "getAllFirstPage")) {
                double ratio = pairedReadRatio(store, read);
                row("Read cost, " + readLabel(read) + " on " + store + ": p50 at " + count(sizes[1]) + " / at " + count(sizes[0])
                                + " (alternating call by call)",
                        String.format("%.2fx", ratio), "at most 1.3x", Verdict.atMost(ratio, 1.3, "x", "%.2f"));
            }
        }
        Map<String, String> post = throughputRow("post");
        double rps = number(post, "requests_per_s");
        double p99 = number(post, "p99_ms");
        row("Local API, single-event POST, 32 connections", String.format("%,.0f req/s, p99 %.1f ms", rps, p99),
                "at least 5,000 req/s with p99 under 25 ms",
                combine(Verdict.atLeast(rps, 5000, "req/s", "%,.0f"), Verdict.atMost(p99, 25, "ms", "%.1f")));
        double jar = bytes("eventlog-lambda.jar");
        row("Shaded jar (eventlog-lambda.jar)", String.format("%.2f MB (%,.0f bytes)", jar / 1e6, jar), "at most 8 MB",
                Verdict.atMost(jar / 1e6, JAR_LIMIT_BYTES / 1e6, "MB", "%.2f"));
        storeCosts.headline(md);
        line("");
        line("Load average (1 / 5 / 15 minutes) of the machine: " + meta.value("load_at_start") + " when the run started, "
                + meta.value("load_at_end") + " when it ended; every ratio above is taken within this one run.");
        line("");
    }

    private void coldStart() {
        line("## 1. Cold start");
        line("");
        line("One fresh JVM (flags `-XX:+TieredCompilation -XX:TieredStopAtLevel=1`, as the Lambda Java runtime starts it)"
                + " running `eventlog-local.jar invoke` on a POST event and then a GET event, both through the handler,"
                + " DynamoDB store on dynalite; beside it, in the same rounds, the floor and the baselines.");
        line("");
        line("| variant | wall s | CPU s (user+sys) | peak RSS MiB | classes loaded |");
        line("|---|---|---|---|---|");
        for (String variant : coldVariants()) {
            List<Map<String, String>> runs = cold.where("variant", variant);
            Spread cpu = Spread.of(runs.stream()
                    .map(r -> Double.parseDouble(r.get("user_s")) + Double.parseDouble(r.get("sys_s"))).toList());
            Spread rss = Spread.of(runs.stream().map(r -> Double.parseDouble(r.get("maxrss_kb")) / 1024).toList());
            row(label(variant), wall(variant).format("%.3f"), cpu.format("%.3f"), rss.format("%.1f"), classCount(variant));
        }
        if (coldVariants().contains("run-local-aot")) {
            line("");
            line("The JDK 24+ rows ran on " + meta.value("aot_jdk") + "; every other Java row on the default JDK above.");
        }
        Spread straightforward = wall("java-straightforward");
        Spread eventlog = wall("eventlog");
        Spread cds = wall("eventlog-appcds");
        line("");
        line(String.format("What each step bought (median wall, this run): the lean client and hand wiring"
                        + " (java-straightforward → eventlog) %+.3f s; the AppCDS archive (eventlog → eventlog-appcds) %+.3f s.",
                eventlog.median() - straightforward.median(), cds.median() - eventlog.median()));
        line("");
    }

    private void warmLatency() {
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

    private void readCost(String[] sizes) {
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

    private void localApi() {
        line("## 4. Local API throughput (`serve --store memory`, wrk, 32 keep-alive connections, "
                + meta.value("wrk_seconds") + " s after a warm-up)");
        line("");
        line("| test | requests/s | p50 ms | p99 ms | non-2xx |");
        line("|---|---|---|---|---|");
        for (Map<String, String> row : throughput.rows()) {
            row(row.get("test").equals("post") ? "POST /events (server-stamped, each a create)" : "GET /events/{today} (limit 100)",
                    String.format("%,.0f", number(row, "requests_per_s")), row.get("p50_ms"), row.get("p99_ms"), row.get("non_2xx"));
        }
        line("");
        line("wrk runs on the same 2 cores as the server, so these figures are a floor.");
        line("");
    }

    private void size() {
        line("## 5. Size");
        line("");
        line("| artifact | bytes |");
        line("|---|---|");
        for (Map<String, String> row : sizes.rows()) {
            row(row.get("artifact"), String.format("%,.0f", number(row, "bytes")));
        }
        line("");
    }

    private double readRatio(String store, String read, String[] sizes) {
        Latency small = jmh.get("ReadCostBenchmark." + read, "store", store, "size", sizes[0]);
        Latency large = jmh.get("ReadCostBenchmark." + read, "store", store, "size", sizes[1]);
        return small == null || large == null ? Double.NaN : large.p50() / small.p50();
    }

    private double pairedReadRatio(String store, String read) {
        return pairedReads.rows().stream().filter(r -> store.equals(r.get("store")) && read.equals(r.get("read"))).findFirst()
                .map(r -> number(r, "large_p50_us") / number(r, "small_p50_us")).orElse(Double.NaN);
    }

    private double pairedRatio(String route) {
        return paired.where("route", route).stream().findFirst()
                .map(r -> number(r, "handler_p50_us") / number(r, "raw_p50_us")).orElse(Double.NaN);
    }

    /** The cold-start variants of this run, in the order run.sh alternates them. */
    private List<String> coldVariants() {
        return cold.rows().stream().map(r -> r.get("variant")).distinct().toList();
    }

    private Spread wall(String variant) {
        return Spread.of(cold.numbers("variant", variant, "wall_s"));
    }

    private String classCount(String variant) {
        return classes.where("variant", variant).stream().findFirst()
                .map(r -> r.get("classes") + (Integer.parseInt(r.get("from_cds")) > 0 ? " (" + r.get("from_cds") + " from CDS)" : ""))
                .orElse("");
    }

    private Map<String, String> throughputRow(String test) {
        return throughput.where("test", test).stream().findFirst().orElse(Map.of());
    }

    private double bytes(String artifact) {
        return sizes.where("artifact", artifact).stream().findFirst().map(r -> number(r, "bytes")).orElse(Double.NaN);
    }

    private static double number(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? Double.NaN : Double.parseDouble(value);
    }

    private static String combine(String a, String b) {
        return a.equals(b) ? a : a + "; " + b;
    }

    private static String label(String variant) {
        return switch (variant) {
            case "hello" -> "JVM printing hello (floor)";
            case "node-original" -> "Node.js original (aws-sdk v2, put + scan)";
            case "java-straightforward" -> "Java, default-configured DynamoDbClient (PutItem + Scan)";
            case "eventlog" -> "EventLog `invoke` POST + GET";
            case "eventlog-appcds" -> "EventLog `invoke` POST + GET with AppCDS archive";
            case "run-local" -> "`./run-local.sh invoke` POST + GET (default JDK, its start-up cache in place)";
            case "run-local-aot" -> "`./run-local.sh invoke` POST + GET (JDK 24+, ahead-of-time cache in place)";
            default -> variant;
        };
    }

    private static String readLabel(String read) {
        return read.equals("getDay100") ? "GET one day (limit 100)" : "GET all (first page)";
    }

    private static String count(String size) {
        return String.format("%,d", Integer.parseInt(size));
    }

    private static String seconds(double value) {
        return String.format("%.3f s", value);
    }

    private static String micros(double value) {
        return String.format("%.1f µs", value);
    }

    private static String pair(Latency latency) {
        return latency == null ? "n/a" : String.format("%.1f / %.1f", latency.p50(), latency.p99());
    }

    private void row(String... cells) {
        md.row(cells);
    }

    private void line(String text) {
        md.line(text);
    }
}
