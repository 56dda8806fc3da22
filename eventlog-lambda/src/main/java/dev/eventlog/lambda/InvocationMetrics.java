package dev.eventlog.lambda;

import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.http.FunctionMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one invocation did, as the metrics of its EMF line (names in {@link FunctionMetrics}): the events written
 * by outcome, how the request was answered, whether it was the first of the process, and the events a page read
 * returned. Each is recorded with the dimension {@code Route} and without any, the total the alarms use.
 */
final class InvocationMetrics {

    private static final String COUNT = "Count";
    /** The route of a request that names none (built by hand, or a path no route matches). */
    static final String UNKNOWN_ROUTE = "unknown";

    private final boolean coldStart;
    private int created;
    private int existing;
    private int conflicting;
    private int pageItems = -1;
    private String route;

    InvocationMetrics(boolean coldStart) {
        this.coldStart = coldStart;
    }

    /** The route the request matched; without one the metrics fall back to the event's own route key. */
    void matched(String routeKey) {
        route = routeKey;
    }

    void wrote(AppendOutcome outcome) {
        switch (outcome) {
            case CREATED -> created++;
            case EXISTING -> existing++;
            case CONFLICT -> conflicting++;
        }
    }

    void wroteAll(List<AppendResult> results) {
        results.forEach(result -> wrote(result.outcome()));
    }

    void readPage(int items) {
        pageItems = items;
    }

    /**
     * The EMF document for an invocation answered with {@code status}. Every count is written, zeros included, so
     * that a metric's sum and sample count are exact per route; {@code PageItems} only for page reads, so that its
     * average is the size of a page.
     */
    String document(long timestampMillis, String routeKey, int status) {
        // A route the gateway passes as $default (a catch-all route) is still counted under the route it matched.
        List<EmbeddedMetricDocument.Metric> metrics = new ArrayList<>();
        metrics.add(count(FunctionMetrics.EVENTS_CREATED, created));
        metrics.add(count(FunctionMetrics.EVENTS_EXISTING, existing));
        metrics.add(count(FunctionMetrics.EVENTS_CONFLICTING, conflicting));
        metrics.add(count(FunctionMetrics.REQUESTS_REFUSED, status >= 400 && status < 500 ? 1 : 0));
        metrics.add(count(FunctionMetrics.STORE_UNAVAILABLE, status == 503 ? 1 : 0));
        metrics.add(count(FunctionMetrics.SERVER_ERRORS, status == 500 ? 1 : 0));
        metrics.add(count(FunctionMetrics.COLD_START, coldStart ? 1 : 0));
        if (pageItems >= 0) {
            metrics.add(count(FunctionMetrics.PAGE_ITEMS, pageItems));
        }
        String dimension = route != null ? route : routeKey == null || routeKey.isBlank() ? UNKNOWN_ROUTE : routeKey;
        return EmbeddedMetricDocument.of(
                timestampMillis,
                FunctionMetrics.NAMESPACE,
                Map.of(FunctionMetrics.ROUTE_DIMENSION, dimension),
                List.of(List.of(FunctionMetrics.ROUTE_DIMENSION), List.of()),
                metrics);
    }

    private static EmbeddedMetricDocument.Metric count(String name, int value) {
        return new EmbeddedMetricDocument.Metric(name, COUNT, value);
    }
}
