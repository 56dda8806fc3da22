package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * The required structure of a CloudWatch Embedded Metric Format document, as CloudWatch's published specification
 * states it: a root object with {@code _aws}, whose {@code Timestamp} is a number of epoch milliseconds and whose
 * {@code CloudWatchMetrics} is an array of directives; each directive has a {@code Namespace} string,
 * {@code Dimensions} as an array of arrays of dimension names (at most 30 each) and {@code Metrics} as an array of
 * at most 100 definitions with a {@code Name} and an optional {@code Unit} from the CloudWatch list. Every dimension
 * name is a root member holding a string, every metric name a root member holding a number or an array of numbers.
 */
final class EmfSpecification {

    private static final Set<String> UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");
    /** 2000-01-01 and 2100-01-01 in epoch milliseconds: a timestamp in seconds or microseconds falls outside. */
    private static final long EARLIEST_MILLIS = 946_684_800_000L;

    private static final long LATEST_MILLIS = 4_102_444_800_000L;

    private EmfSpecification() {}

    /** Fails the test unless {@code document} is a valid EMF document. */
    static void assertValid(JsonObject document) {
        assertTrue(
                document.has("_aws") && document.get("_aws").isJsonObject(),
                "root member _aws is an object: " + document);
        JsonObject aws = document.getAsJsonObject("_aws");
        assertTrue(
                aws.has("Timestamp")
                        && aws.get("Timestamp").isJsonPrimitive()
                        && aws.get("Timestamp").getAsJsonPrimitive().isNumber(),
                "_aws.Timestamp is a number: " + aws);
        long timestamp = aws.get("Timestamp").getAsLong();
        assertTrue(
                timestamp > EARLIEST_MILLIS && timestamp < LATEST_MILLIS,
                "_aws.Timestamp is in epoch milliseconds: " + timestamp);
        assertTrue(
                aws.has("CloudWatchMetrics") && aws.get("CloudWatchMetrics").isJsonArray(),
                "_aws.CloudWatchMetrics is an array");
        for (JsonElement element : aws.getAsJsonArray("CloudWatchMetrics")) {
            assertDirective(document, element);
        }
    }

    private static void assertDirective(JsonObject document, JsonElement element) {
        assertTrue(element.isJsonObject(), "a directive is an object");
        JsonObject directive = element.getAsJsonObject();
        assertTrue(isString(directive.get("Namespace")), "Namespace is a string");
        String namespace = directive.get("Namespace").getAsString();
        assertTrue(!namespace.isEmpty() && namespace.length() <= 255, "Namespace has 1-255 characters");
        assertTrue(
                directive.get("Dimensions") != null
                        && directive.get("Dimensions").isJsonArray(),
                "Dimensions is an array");
        for (JsonElement set : directive.getAsJsonArray("Dimensions")) {
            assertTrue(set.isJsonArray(), "each dimension set is an array");
            JsonArray names = set.getAsJsonArray();
            assertTrue(names.size() <= 30, "at most 30 dimensions in a set");
            for (JsonElement name : names) {
                assertTrue(isString(name), "a dimension name is a string");
                assertTrue(
                        isString(document.get(name.getAsString())),
                        "dimension " + name + " is a root member holding a string");
            }
        }
        assertTrue(directive.get("Metrics") != null && directive.get("Metrics").isJsonArray(), "Metrics is an array");
        JsonArray metrics = directive.getAsJsonArray("Metrics");
        assertTrue(metrics.size() <= 100, "at most 100 metrics in a directive");
        Set<String> seen = new HashSet<>();
        for (JsonElement definition : metrics) {
            assertTrue(definition.isJsonObject(), "a metric definition is an object");
            JsonObject metric = definition.getAsJsonObject();
            assertTrue(isString(metric.get("Name")), "a metric has a Name");
            String name = metric.get("Name").getAsString();
            assertTrue(seen.add(name), "metric " + name + " is defined once");
            if (metric.has("Unit")) {
                assertTrue(
                        isString(metric.get("Unit"))
                                && UNITS.contains(metric.get("Unit").getAsString()),
                        "Unit of " + name + " is a CloudWatch unit: " + metric.get("Unit"));
            }
            assertNumberOrNumbers(name, document.get(name));
        }
    }

    private static void assertNumberOrNumbers(String name, JsonElement value) {
        if (value == null) {
            fail("metric " + name + " is a root member");
        }
        if (value.isJsonArray()) {
            assertFalse(value.getAsJsonArray().isEmpty(), "metric " + name + " has values");
            assertTrue(value.getAsJsonArray().size() <= 100, "at most 100 values of " + name);
            value.getAsJsonArray().forEach(v -> assertNumber(name, v));
        } else {
            assertNumber(name, value);
        }
    }

    private static void assertNumber(String name, JsonElement value) {
        assertTrue(
                value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber(),
                "metric " + name + " is a number: " + value);
    }

    private static boolean isString(JsonElement element) {
        return element != null
                && element.isJsonPrimitive()
                && element.getAsJsonPrimitive().isString();
    }

    /** The value of {@code metric} in a document, failing when absent. */
    static double value(JsonObject document, String metric) {
        assertTrue(document.has(metric), () -> metric + " in " + document);
        return document.get(metric).getAsDouble();
    }

    /** The directive's metric names and units, as {@code Name:Unit}. */
    static Set<String> definitions(JsonObject document) {
        Set<String> names = new HashSet<>();
        JsonObject directive = document.getAsJsonObject("_aws")
                .getAsJsonArray("CloudWatchMetrics")
                .get(0)
                .getAsJsonObject();
        directive
                .getAsJsonArray("Metrics")
                .forEach(m -> names.add(m.getAsJsonObject().get("Name").getAsString() + ":"
                        + m.getAsJsonObject().get("Unit").getAsString()));
        return names;
    }

    static void assertEqualsNamespaceAndDimensions(JsonObject document) {
        JsonObject directive = document.getAsJsonObject("_aws")
                .getAsJsonArray("CloudWatchMetrics")
                .get(0)
                .getAsJsonObject();
        assertEquals("EventLog", directive.get("Namespace").getAsString());
        assertEquals("[[\"Route\"],[]]", directive.get("Dimensions").toString());
    }
}
