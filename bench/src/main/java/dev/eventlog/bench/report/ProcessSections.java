package dev.eventlog.bench.report;

import static dev.eventlog.bench.report.Cells.number;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The results about whole processes: cold start of every variant (wall, CPU, memory, classes), the local API's
 * throughput under wrk, and the size of what ships.
 */
final class ProcessSections {

    private final Table meta;
    private final Table cold;
    private final Table firstRequest;
    private final Table classes;
    private final Table sizes;
    private final Table throughput;
    private final Markdown md;

    ProcessSections(Path dir, Table meta, Markdown md) throws IOException {
        this.meta = meta;
        this.cold = Table.read(dir.resolve("cold.tsv"));
        this.firstRequest = Table.read(dir.resolve("first-request.tsv"));
        this.classes = Table.read(dir.resolve("classes.tsv"));
        this.sizes = Table.read(dir.resolve("sizes.tsv"));
        this.throughput = Table.read(dir.resolve("throughput.tsv"));
        this.md = md;
    }

    Table cold() {
        return cold;
    }

    Table firstRequest() {
        return firstRequest;
    }

    void coldStart() {
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

    void localApi() {
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

    void size() {
        line("## 5. Size");
        line("");
        line("| artifact | bytes |");
        line("|---|---|");
        for (Map<String, String> row : sizes.rows()) {
            row(row.get("artifact"), String.format("%,.0f", number(row, "bytes")));
        }
        line("");
    }

    /** The cold-start variants of this run, in the order run.sh alternates them. */
    List<String> coldVariants() {
        return cold.rows().stream().map(r -> r.get("variant")).distinct().toList();
    }

    Spread wall(String variant) {
        return Spread.of(cold.numbers("variant", variant, "wall_s"));
    }

    private String classCount(String variant) {
        return classes.where("variant", variant).stream().findFirst()
                .map(r -> r.get("classes") + (Integer.parseInt(r.get("from_cds")) > 0 ? " (" + r.get("from_cds") + " from CDS)" : ""))
                .orElse("");
    }

    Map<String, String> throughputRow(String test) {
        return throughput.where("test", test).stream().findFirst().orElse(Map.of());
    }

    double bytes(String artifact) {
        return sizes.where("artifact", artifact).stream().findFirst().map(r -> number(r, "bytes")).orElse(Double.NaN);
    }

    static String label(String variant) {
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

    private void row(String... cells) {
        md.row(cells);
    }

    private void line(String text) {
        md.line(text);
    }
}
