package dev.eventlog.lambda;

import dev.eventlog.core.domain.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query string of one request, checked against the parameters a route accepts. Each parameter may be
 * given once: API Gateway joins repeated parameters with commas in {@code queryStringParameters}, so the raw
 * query string is counted to tell a repeat from a comma inside one value.
 */
final class QueryParameters {

    /**
     * The prefix of the query parameters a presigned SigV4 request carries ({@code X-Amz-Algorithm},
     * {@code X-Amz-Credential}, {@code X-Amz-Date}, {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders},
     * {@code X-Amz-Security-Token}, {@code X-Amz-Signature}): they belong to the signature the gateway checked, not
     * to the request, so they are ignored whether or not the gateway passes them on.
     */
    static final String SIGNATURE_PREFIX = "X-Amz-";

    /** Parameters whose valid values never hold a comma, so a comma there can only be a joined repeat. */
    private static final Set<String> COMMA_FREE = Set.of("date", "from", "to", "order", "limit", "nextToken");

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads the parameters of a request, refusing (400, all problems at once) any not in {@code allowed} and any
     * given more than once; those of a presigned signature are left out.
     */
    static QueryParameters read(
            Map<String, String> decoded, String rawQueryString, List<String> allowed, String route) {
        Map<String, Integer> counts = countRaw(rawQueryString);
        Map<String, String> values = new LinkedHashMap<>();
        if (decoded != null) {
            decoded.forEach((name, value) -> values.put(name, value == null ? "" : value));
        } else if (rawQueryString != null) {
            for (String pair : rawQueryString.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = queryComponent(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : queryComponent(pair.substring(eq + 1));
                    values.merge(name, value, (a, b) -> a + "," + b);
                }
            }
        }
        List<FieldError> errors = new ArrayList<>();
        values.keySet().removeIf(name -> name.startsWith(SIGNATURE_PREFIX));
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = entry.getKey();
            String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
            if (!allowed.contains(name)) {
                errors.add(new FieldError(
                        shown,
                        allowed.isEmpty()
                                ? "is not a query parameter of " + route + ", which takes none"
                                : "is not a query parameter of " + route + "; it takes " + String.join(", ", allowed)));
            } else if (counts.getOrDefault(name, 1) > 1) {
                errors.add(new FieldError(name, "is given " + counts.get(name) + " times; give it at most once"));
            } else if (!counts.containsKey(name)
                    && COMMA_FREE.contains(name)
                    && entry.getValue().contains(",")) {
                errors.add(
                        new FieldError(
                                name,
                                "holds a comma: it was given more than once (repeats arrive joined by commas); give it at most once"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new QueryParameters(values);
    }

    /**
     * How often each (decoded) name occurs in the raw query string; empty when there is none. Refuses (400) a raw
     * query string whose names or values are not valid percent-encoded UTF-8.
     */
    private static Map<String, Integer> countRaw(String rawQueryString) {
        Map<String, Integer> counts = new HashMap<>();
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return counts;
        }
        for (String pair : rawQueryString.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = queryComponent(eq < 0 ? pair : pair.substring(0, eq));
                if (eq >= 0) {
                    // The gateway's decoded values replace invalid UTF-8 silently; the raw value is where it shows.
                    queryComponent(pair.substring(eq + 1));
                }
                counts.merge(name, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String queryComponent(String raw) {
        try {
            return PercentDecoding.queryComponent(raw);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("the query string " + e.getMessage());
        }
    }

    /** The value, or null when the parameter was not given. */
    String get(String name) {
        return values.get(name);
    }

    int size() {
        return values.size();
    }
}
