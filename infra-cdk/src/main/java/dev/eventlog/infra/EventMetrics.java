package dev.eventlog.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The metrics the function writes itself in CloudWatch Embedded Metric Format: their namespace, their names, and
 * the series without dimensions that carries the totals over all routes.
 *
 * <p>The function writes each metric twice, once per {@code Route} and once with no dimension at all; the alarms
 * and the dashboard read the second series, which CloudWatch stores as its own metric.
 */
final class EventMetrics {

    public static final String NAMESPACE = "EventLog";
    public static final String ROUTE_DIMENSION = "Route";

    public static final String EVENTS_CREATED = "EventsCreated";
    public static final String EVENTS_EXISTING = "EventsExisting";
    public static final String EVENTS_CONFLICTING = "EventsConflicting";
    /** Answers in the 4xx range: the caller's request was refused. */
    public static final String REQUESTS_REFUSED = "RequestsRefused";
    /** Answers of 503: the store could not be reached, or stayed throttled after the client's retries. */
    public static final String STORE_UNAVAILABLE = "StoreUnavailable";
    /** Answers of 500: a fault in the function itself. */
    public static final String SERVER_ERRORS = "ServerErrors";

    public static final String COLD_START = "ColdStart";
    public static final String PAGE_ITEMS = "PageItems";

    /** Every metric name the function writes. */
    public static final List<String> ALL = List.of(
            EVENTS_CREATED,
            EVENTS_EXISTING,
            EVENTS_CONFLICTING,
            REQUESTS_REFUSED,
            STORE_UNAVAILABLE,
            SERVER_ERRORS,
            COLD_START,
            PAGE_ITEMS);

    private EventMetrics() {}

    /** The all-routes total of one of the function's metrics, summed over each period. */
    public static Metric total(String name, Duration period) {
        if (!ALL.contains(name)) {
            throw new IllegalArgumentException("the function writes no metric named " + name);
        }
        return Metric.Builder.create()
                .namespace(NAMESPACE)
                .metricName(name)
                .statistic("Sum")
                .period(period)
                .build();
    }
}
