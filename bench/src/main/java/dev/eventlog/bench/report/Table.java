package dev.eventlog.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tab-separated file that run.sh wrote: a header line, then one row per line, read as maps by column name. */
record Table(List<Map<String, String>> rows) {

    static Table read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < cells.length ? cells[i] : "");
            }
            rows.add(row);
        }
        return new Table(rows);
    }

    List<Map<String, String>> where(String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).toList();
    }

    /** The column's numbers in the rows that match; blank cells (not measured) are left out. */
    List<Double> numbers(String filterColumn, String value, String column) {
        return where(filterColumn, value).stream().map(r -> r.get(column)).filter(v -> v != null && !v.isBlank())
                .map(Double::parseDouble).toList();
    }

    /** A key/value table's value for the key. */
    String value(String key) {
        return where("key", key).stream().findFirst().map(r -> r.get("value")).orElse("?");
    }
}
