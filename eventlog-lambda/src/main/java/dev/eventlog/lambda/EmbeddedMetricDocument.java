package dev.eventlog.lambda;

import dev.eventlog.http.JsonText;
import java.util.List;
import java.util.Map;

/**
 * Writes one CloudWatch Embedded Metric Format document: a log line that CloudWatch Logs turns into metrics with no
 * agent and no API call. The root holds {@code _aws} (the timestamp in epoch milliseconds and one directive naming
 * the namespace, the dimension sets and each metric with its unit) beside the members the directive refers to: each
 * dimension's value as a string and each metric's value as a number. Written with gson's streaming writer, which the
 * function already carries, rather than a metrics library that would add megabytes and start-up time to every cold
 * start.
 */
final class EmbeddedMetricDocument {

    /** One metric: its name, a CloudWatch unit such as {@code Count}, and its value for this document. */
    record Metric(String name, String unit, double value) {}

    private EmbeddedMetricDocument() {}

    /**
     * The document, as one line of JSON. Every name in {@code dimensionSets} must be a key of {@code dimensions}; an
     * empty set means the metrics are also recorded without any dimension, as totals.
     */
    static String of(
            long timestampMillis,
            String namespace,
            Map<String, String> dimensions,
            List<List<String>> dimensionSets,
            List<Metric> metrics) {
        for (List<String> set : dimensionSets) {
            for (String name : set) {
                if (!dimensions.containsKey(name)) {
                    throw new IllegalArgumentException("dimension '" + name + "' has no value");
                }
            }
        }
        return JsonText.write(document -> {
            document.beginObject();
            document.name("_aws").beginObject();
            document.name("Timestamp").value(timestampMillis);
            document.name("CloudWatchMetrics").beginArray().beginObject();
            document.name("Namespace").value(namespace);
            document.name("Dimensions").beginArray();
            for (List<String> set : dimensionSets) {
                document.beginArray();
                for (String name : set) {
                    document.value(name);
                }
                document.endArray();
            }
            document.endArray();
            document.name("Metrics").beginArray();
            for (Metric metric : metrics) {
                document.beginObject();
                document.name("Name").value(metric.name());
                document.name("Unit").value(metric.unit());
                document.endObject();
            }
            document.endArray();
            document.endObject().endArray();
            document.endObject();
            for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
                document.name(dimension.getKey()).value(dimension.getValue());
            }
            for (Metric metric : metrics) {
                document.name(metric.name());
                // Whole numbers are written without a fraction: counts read as counts in the log.
                if (metric.value() == Math.rint(metric.value()) && Math.abs(metric.value()) < 1e15) {
                    document.value((long) metric.value());
                } else {
                    document.value(metric.value());
                }
            }
            document.endObject();
        });
    }
}
