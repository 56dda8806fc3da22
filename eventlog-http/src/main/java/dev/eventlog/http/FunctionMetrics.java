package dev.eventlog.http;

import java.util.List;

/**
 * The metrics the function writes in CloudWatch Embedded Metric Format, which the CDK construct's alarms and
 * dashboard read: their namespace, their dimension and their names. Each is written once per {@code Route} and
 * once without any dimension, the total over all routes.
 */
public final class FunctionMetrics {

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
    /** Events in a page read; written only for page reads, so that its average is the size of a page. */
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

    private FunctionMetrics() {}
}
