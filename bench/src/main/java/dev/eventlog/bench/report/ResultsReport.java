package dev.eventlog.bench.report;

import static dev.eventlog.bench.report.Cells.combine;
import static dev.eventlog.bench.report.Cells.count;
import static dev.eventlog.bench.report.Cells.micros;
import static dev.eventlog.bench.report.Cells.number;
import static dev.eventlog.bench.report.Cells.readLabel;

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
 * (what was tried) appended as it is. The sections are written by {@link ProcessSections}, {@link LatencySections}
 * and {@link StoreCosts}; this class reads the run's metadata and writes the headline table from all three.
 */
public final class ResultsReport {

    private static final double MIB = 1024 * 1024;
    private static final double JAR_LIMIT_BYTES = 8_000_000;
    /** Issue 16's targets, as shares of the Node.js original's median wall time in the same run. */
    private static final double BARE_JAR_SHARE = 1.5;
    private static final double RUN_LOCAL_SHARE = 0.8;

    private final Markdown md = new Markdown();
    private final Table meta;
    private final ProcessSections processes;
    private final LatencySections latencies;
    private final StoreCosts storeCosts;

    private ResultsReport(Path dir) throws IOException {
        meta = Table.read(dir.resolve("meta.tsv"));
        processes = new ProcessSections(dir, meta, md);
        latencies = new LatencySections(dir, md);
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
        processes.coldStart();
        latencies.warmLatency();
        latencies.readCost(sizes);
        processes.localApi();
        processes.size();
        storeCosts.render(md);
        return md.toString();
    }

    private void headline(String[] sizes) {
        line("## Headline figures against the targets");
        line("");
        line("| measurement | result | target | verdict |");
        line("|---|---|---|---|");
        Spread node = processes.wall("node-original");
        for (String variant : processes.coldVariants()) {
            double share = switch (variant) {
                case "eventlog" -> BARE_JAR_SHARE;
                case "run-local", "run-local-aot" -> RUN_LOCAL_SHARE;
                default -> Double.NaN;
            };
            if (Double.isNaN(share)) {
                continue;
            }
            double median = processes.wall(variant).median();
            row("Cold start, " + ProcessSections.label(variant) + ": median wall", String.format("%.3f s (%.2fx Node.js)", median, median / node.median()),
                    String.format("at most %.1fx the Node.js original's %.3f s = %.3f s", share, node.median(), share * node.median()),
                    Verdict.atMost(median, share * node.median(), "s", "%.3f"));
        }
        for (String variant : List.of("eventlog", "run-local")) {
            Spread first = Spread.of(processes.firstRequest().numbers("variant", variant, "first_ms"));
            Spread second = Spread.of(processes.firstRequest().numbers("variant", variant, "second_ms"));
            row("Handler's first request after init (POST), then the second (GET), " + ProcessSections.label(variant) + ": median",
                    String.format("%.0f ms, then %.0f ms", first.median(), second.median()), "reported", "");
        }
        double peakRss = Spread.of(processes.cold().numbers("variant", "eventlog", "maxrss_kb")).max() * 1024 / MIB;
        row("Cold start, EventLog: peak RSS (max of runs)", String.format("%.1f MiB", peakRss), "at most 100 MiB",
                Verdict.atMost(peakRss, 100, "MiB", "%.1f"));
        for (String[] pair : LatencySections.WARM_PAIRS) {
            if (pair[3] == null) {
                continue;
            }
            double ratio = latencies.pairedRatio(pair[1]);
            double target = Double.parseDouble(pair[4]);
            row("Warm p50 on dynalite, handler " + pair[0] + " / raw " + pair[2] + " (alternating call by call)",
                    String.format("%.2fx", ratio), "at most " + pair[4] + "x", Verdict.atMost(ratio, target, "x", "%.2f"));
        }
        Latency memoryPost = latencies.jmh("HandlerLatencyBenchmark.postOne", "store", "memory");
        row("Warm p50, handler POST /events in memory", micros(memoryPost == null ? Double.NaN : memoryPost.p50()), "under 20 µs",
                Verdict.atMost(memoryPost == null ? Double.NaN : memoryPost.p50(), 20, "µs", "%.1f"));
        for (String store : List.of("memory", "dynalite")) {
            for (String read : List.of("getDay100", "getAllFirstPage")) {
                double ratio = latencies.pairedReadRatio(store, read);
                row("Read cost, " + readLabel(read) + " on " + store + ": p50 at " + count(sizes[1]) + " / at " + count(sizes[0])
                                + " (alternating call by call)",
                        String.format("%.2fx", ratio), "at most 1.3x", Verdict.atMost(ratio, 1.3, "x", "%.2f"));
            }
        }
        Map<String, String> post = processes.throughputRow("post");
        double rps = number(post, "requests_per_s");
        double p99 = number(post, "p99_ms");
        row("Local API, single-event POST, 32 connections", String.format("%,.0f req/s, p99 %.1f ms", rps, p99),
                "at least 5,000 req/s with p99 under 25 ms",
                combine(Verdict.atLeast(rps, 5000, "req/s", "%,.0f"), Verdict.atMost(p99, 25, "ms", "%.1f")));
        double jar = processes.bytes("eventlog-lambda.jar");
        row("Shaded jar (eventlog-lambda.jar)", String.format("%.2f MB (%,.0f bytes)", jar / 1e6, jar), "at most 8 MB",
                Verdict.atMost(jar / 1e6, JAR_LIMIT_BYTES / 1e6, "MB", "%.2f"));
        storeCosts.headline(md);
        line("");
        line("Load average (1 / 5 / 15 minutes) of the machine: " + meta.value("load_at_start") + " when the run started, "
                + meta.value("load_at_end") + " when it ended; every ratio above is taken within this one run.");
        line("");
    }

    private void row(String... cells) {
        md.row(cells);
    }

    private void line(String text) {
        md.line(text);
    }
}
