package dev.eventlog.bench.report;

import dev.eventlog.bench.report.JmhResults.Latency;
import java.util.Map;

/** How the report writes the cells of its tables: numbers, sizes, latencies and the names of reads. */
final class Cells {

    private Cells() {
    }

    static double number(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? Double.NaN : Double.parseDouble(value);
    }

    static String count(String size) {
        return String.format("%,d", Integer.parseInt(size));
    }

    static String micros(double value) {
        return String.format("%.1f µs", value);
    }

    static String pair(Latency latency) {
        return latency == null ? "n/a" : String.format("%.1f / %.1f", latency.p50(), latency.p99());
    }

    static String readLabel(String read) {
        return read.equals("getDay100") ? "GET one day (limit 100)" : "GET all (first page)";
    }

    static String combine(String a, String b) {
        return a.equals(b) ? a : a + "; " + b;
    }
}
