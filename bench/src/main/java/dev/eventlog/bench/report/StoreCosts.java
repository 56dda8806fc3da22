package dev.eventlog.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The results about the DynamoDB store's requests and partitions: requests per API operation, a page from the middle
 * of a dense millisecond against an ordinary one, write shards against a per-partition limit (the write-scale
 * benchmark's own markdown, included as it is) and a user's history through the {@code byUser} index.
 */
final class StoreCosts {

    private static final String[] OPERATIONS = {"PutItem", "Query", "GetItem", "Scan"};
    private static final double DENSE_PAGE_LIMIT = 2.0;
    private static final double USER_INDEX_LIMIT = 1.3;

    private final Table meta;
    private final Table calls;
    private final Table dense;
    private final Table userIndex;
    private final String writeScale;

    StoreCosts(Path dir, Table meta) throws IOException {
        this.meta = meta;
        this.calls = Table.read(dir.resolve("calls.tsv"));
        this.dense = Table.read(dir.resolve("dense.tsv"));
        this.userIndex = Table.read(dir.resolve("user-index.tsv"));
        Path writeScaleFile = dir.resolve("write-scale.md");
        this.writeScale = Files.exists(writeScaleFile) ? Files.readString(writeScaleFile) : null;
    }

    /** Rows of the headline table: the dense page's ratio and what a single POST costs on a fresh table. */
    void headline(Markdown md) {
        double ratio = denseRatio();
        md.row("Dense millisecond: p50 of a page of 100 from the middle of " + events("dense_events") + " events in one"
                        + " millisecond / from the middle of an ordinary day (alternating call by call)",
                String.format("%.2fx", ratio), "at most 2x", Verdict.atMost(ratio, DENSE_PAGE_LIMIT, "x", "%.2f"));
        for (Map<String, String> row : calls.rows()) {
            if (row.get("table").equals("fresh") && row.get("operation").startsWith("POST") && !row.get("expected").isEmpty()) {
                md.row("DynamoDB requests of " + row.get("operation") + ", on a fresh table", measured(row),
                        row.get("expected"), verdict(row));
            }
        }
    }

    void render(Markdown md) {
        requestsPerOperation(md);
        densePage(md);
        writeShards(md);
        userIndex(md);
    }

    private void requestsPerOperation(Markdown md) {
        md.line("## 6. DynamoDB requests per API operation");
        md.line("");
        md.line("The handler on dynalite, its DynamoDB client counting every request it sends by operation (an interceptor"
                + " on the client, each attempt counted as it goes on the wire), one API request at a time. A fresh table is"
                + " one the run creates and writes through the store, so it records that it never held an item without an"
                + " id; the other held one written by the original system before the store first wrote to it. A store"
                + " instance reads the table's metadata once; every row but the ones that say otherwise is a later request.");
        md.line("");
        md.line("| table | API operation | PutItem | Query | GetItem | Scan | other | expected | verdict |");
        md.line("|---|---|---|---|---|---|---|---|---|");
        for (Map<String, String> row : calls.rows()) {
            md.row(row.get("table"), row.get("operation"), row.get("PutItem"), row.get("Query"), row.get("GetItem"), row.get("Scan"), row.get("other"),
                    row.get("expected").isEmpty() ? "reported" : row.get("expected"), verdict(row));
        }
        md.line("");
    }

    private void densePage(Markdown md) {
        md.line("## 7. A page from the middle of a dense millisecond (p50 / p99 µs, through the handler on dynalite)");
        md.line("");
        md.line("One millisecond holding " + events("dense_events") + " events and an ordinary day holding as many, in one"
                + " table; each read is the page of 100 that follows the token a client holds halfway through, the two"
                + " reads alternating call by call in one JVM (which goes first alternates too).");
        md.line("");
        md.line("| pairs | dense millisecond | ordinary day | ratio (p50) |");
        md.line("|---|---|---|---|");
        for (Map<String, String> row : dense.rows()) {
            md.row(row.get("pairs"), row.get("dense_p50_us") + " / " + row.get("dense_p99_us"),
                    row.get("ordinary_p50_us") + " / " + row.get("ordinary_p99_us"), String.format("%.2fx", denseRatio()));
        }
        md.line("");
    }

    private void writeShards(Markdown md) {
        md.line("## 8. Write shards against a per-partition write limit");
        md.line("");
        if (writeScale == null) {
            md.line("Not measured in this run.");
            md.line("");
            return;
        }
        md.line("`WriteScaleBenchmark` (eventlog-local's reliability tests): dynalite behind `PartitionThrottleProxy`, which"
                + " answers a `PutItem` with `ProvisionedThroughputExceededException` once its partition key has taken W"
                + " writes in the current second (counted by arrival, as DynamoDB does); single-event POSTs through the"
                + " handler the function builds, for one shard and four, with events of their own content each and with a"
                + " heartbeat (the same content every time, so the same derived id, at another time each).");
        md.line("");
        md.line(writeScale.strip());
        md.line("");
    }

    private void userIndex(Markdown md) {
        md.line("## 9. A user's history through the `byUser` index (p50 ms, the store on dynalite)");
        md.line("");
        String[] sizes = meta.value("user_index_sizes").split(",");
        md.line("Two tables of 500 users over 60 days, " + count(sizes[0]) + " and " + count(sizes[1]) + " events, read"
                + " alternately in one JVM: the first page (limit 100) of one user. Items read are the `ScannedCount` of every"
                + " response the page needed; the last item column is what the scan-and-filter the index replaced read for"
                + " the same page of the larger table.");
        md.line("");
        md.line("| read | p50 at " + count(sizes[0]) + " | p50 at " + count(sizes[1]) + " | ratio | target | items read at "
                + count(sizes[0]) + " | items read at " + count(sizes[1]) + " | items read without the index | events on the page |");
        md.line("|---|---|---|---|---|---|---|---|---|");
        for (Map<String, String> row : userIndex.rows()) {
            double ratio = Double.parseDouble(row.get("ratio"));
            md.row(row.get("read"), row.get("small_p50_ms"), row.get("large_p50_ms"), String.format("%.2fx", ratio),
                    "at most 1.3x: " + Verdict.atMost(ratio, USER_INDEX_LIMIT, "x", "%.2f"), row.get("small_items_read"),
                    row.get("large_items_read"), row.get("large_scan_and_filter_items_read"), row.get("page_events_large"));
        }
        md.line("");
    }

    private double denseRatio() {
        return dense.rows().stream().findFirst()
                .map(r -> Double.parseDouble(r.get("dense_p50_us")) / Double.parseDouble(r.get("ordinary_p50_us")))
                .orElse(Double.NaN);
    }

    /** The requests of a row as "PutItem 1, Query 1", in a fixed order, others last. */
    private static String measured(Map<String, String> row) {
        StringJoiner calls = new StringJoiner(", ");
        for (String operation : OPERATIONS) {
            if (!"0".equals(row.get(operation))) {
                calls.add(operation + " " + row.get(operation));
            }
        }
        if (!row.get("other").isEmpty()) {
            calls.add(row.get("other"));
        }
        return calls.toString();
    }

    private static String verdict(Map<String, String> row) {
        String expected = row.get("expected");
        if (expected.isEmpty()) {
            return "";
        }
        return expected.equals(measured(row)) ? "**pass**" : "**miss**: " + measured(row);
    }

    private String events(String key) {
        return count(meta.value(key));
    }

    private static String count(String number) {
        return String.format("%,d", Integer.parseInt(number));
    }
}
