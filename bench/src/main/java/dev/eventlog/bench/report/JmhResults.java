package dev.eventlog.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latency percentiles from JMH's JSON results, in microseconds. A benchmark run in several rounds (the
 * alternating dynalite pairs) reports the mean of its rounds' percentiles.
 */
final class JmhResults {

    /** One percentile of one benchmark at one parameter set. */
    record Latency(double p50, double p99, int rounds) {
    }

    private final Map<String, List<double[]>> byKey = new TreeMap<>();

    static JmhResults readAll(Path directory) throws IOException {
        JmhResults results = new JmhResults();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "jmh-*.json")) {
            for (Path file : files) {
                results.add(file);
            }
        }
        return results;
    }

    private void add(Path file) throws IOException {
        JsonArray runs;
        try (Reader reader = Files.newBufferedReader(file)) {
            runs = JsonParser.parseReader(reader).getAsJsonArray();
        }
        for (JsonElement element : runs) {
            JsonObject run = element.getAsJsonObject();
            String benchmark = run.get("benchmark").getAsString();
            String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            JsonObject metric = run.getAsJsonObject("primaryMetric");
            if (!"us/op".equals(metric.get("scoreUnit").getAsString())) {
                throw new IllegalStateException(benchmark + " reports in " + metric.get("scoreUnit") + ", not us/op");
            }
            JsonObject percentiles = metric.getAsJsonObject("scorePercentiles");
            byKey.computeIfAbsent(key(method, params(run)), k -> new ArrayList<>())
                    .add(new double[] {percentiles.get("50.0").getAsDouble(), percentiles.get("99.0").getAsDouble()});
        }
    }

    private static String params(JsonObject run) {
        if (!run.has("params")) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>();
        run.getAsJsonObject("params").entrySet().forEach(e -> sorted.put(e.getKey(), e.getValue().getAsString()));
        return sorted.toString();
    }

    private static String key(String method, String params) {
        return method + params;
    }

    /**
     * The latency of {@code Class.method} at the given parameters (name=value pairs, in any order), or null when
     * that benchmark did not run.
     */
    Latency get(String method, String... params) {
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < params.length; i += 2) {
            sorted.put(params[i], params[i + 1]);
        }
        List<double[]> rounds = byKey.get(key(method, params.length == 0 ? "" : sorted.toString()));
        if (rounds == null) {
            return null;
        }
        double p50 = rounds.stream().mapToDouble(r -> r[0]).average().orElseThrow();
        double p99 = rounds.stream().mapToDouble(r -> r[1]).average().orElseThrow();
        return new Latency(p50, p99, rounds.size());
    }
}
