package dev.eventlog.lambda;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Builds one CloudWatch Embedded Metric Format document: a log line that CloudWatch Logs turns into metrics with no
 * agent and no API call. The root holds {@code _aws} (the timestamp in epoch milliseconds and one directive naming
 * the namespace, the dimension sets and each metric with its unit) beside the members the directive refers to: each
 * dimension's value as a string and each metric's value as a number. Written with gson, which the function already
 * carries, rather than a metrics library that would add megabytes and start-up time to every cold start.
 */
final class EmbeddedMetricDocument {

    /** One metric: its name, a CloudWatch unit such as {@code Count}, and its value for this document. */
    record Metric(String name, String unit, double value) {}

    private EmbeddedMetricDocument() {}

    /**
     * The document. Every name in {@code dimensionSets} must be a key of {@code dimensions}; an empty set means the
     * metrics are also recorded without any dimension, as totals.
     */
    static JsonObject of(
            long timestampMillis,
            String namespace,
            Map<String, String> dimensions,
            List<List<String>> dimensionSets,
            List<Metric> metrics) {
        JsonArray sets = new JsonArray();
        for (List<String> set : dimensionSets) {
            JsonArray names = new JsonArray();
            for (String name : set) {
                if (!dimensions.containsKey(name)) {
                    throw new IllegalArgumentException("dimension '" + name + "' has no value");
                }
                names.add(name);
            }
            sets.add(names);
        }
        JsonArray definitions = new JsonArray();
        for (Metric metric : metrics) {
            JsonObject definition = new JsonObject();
            definition.addProperty("Name", metric.name());
            definition.addProperty("Unit", metric.unit());
            definitions.add(definition);
        }
        JsonObject directive = new JsonObject();
        directive.addProperty("Namespace", namespace);
        directive.add("Dimensions", sets);
        directive.add("Metrics", definitions);
        JsonArray directives = new JsonArray();
        directives.add(directive);
        JsonObject aws = new JsonObject();
        aws.addProperty("Timestamp", timestampMillis);
        aws.add("CloudWatchMetrics", directives);

        JsonObject document = new JsonObject();
        document.add("_aws", aws);
        dimensions.forEach(document::addProperty);
        for (Metric metric : metrics) {
            // Whole numbers are written without a fraction: counts read as counts in the log.
            if (metric.value() == Math.rint(metric.value()) && Math.abs(metric.value()) < 1e15) {
                document.addProperty(metric.name(), (long) metric.value());
            } else {
                document.addProperty(metric.name(), metric.value());
            }
        }
        return document;
    }
}
