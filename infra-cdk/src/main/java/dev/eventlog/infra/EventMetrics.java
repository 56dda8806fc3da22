package dev.eventlog.infra;

import dev.eventlog.http.FunctionMetrics;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The metrics the function writes itself in CloudWatch Embedded Metric Format ({@link FunctionMetrics} names them),
 * as the series without dimensions that carries the totals over all routes.
 *
 * <p>The function writes each metric twice, once per {@code Route} and once with no dimension at all; the alarms
 * and the dashboard read the second series, which CloudWatch stores as its own metric.
 */
final class EventMetrics {

    private EventMetrics() {}

    /** The all-routes total of one of the function's metrics (named in {@link FunctionMetrics}), summed over each period. */
    public static Metric total(String name, Duration period) {
        if (!FunctionMetrics.ALL.contains(name)) {
            throw new IllegalArgumentException("the function writes no metric named " + name);
        }
        return Metric.Builder.create()
                .namespace(FunctionMetrics.NAMESPACE)
                .metricName(name)
                .statistic("Sum")
                .period(period)
                .build();
    }
}
