package dev.eventlog.infra;

import dev.eventlog.http.FunctionMetrics;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.YAxisProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/** The one CloudWatch dashboard of a deployment: alarms, API traffic, events written, function and table. */
final class OperationsDashboard extends Construct {

    /** One-minute points: the finest resolution Lambda, API Gateway and DynamoDB publish by default. */
    static final Duration PERIOD = Duration.minutes(1);

    private static final int HALF_WIDTH = 12;
    private static final int HEIGHT = 6;

    private final Dashboard dashboard;

    OperationsDashboard(
            Construct scope,
            String id,
            EventLogSettings settings,
            EventTable table,
            EventFunction function,
            EventHttpApi api,
            EventLogAlarms alarms) {
        super(scope, id);
        HttpApi httpApi = api.api();
        IFunction handler = function.function();
        ITable t = table.table();

        // Dashboard names are unique per account, stack names only per region: the region keeps two apart.
        this.dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(Fn.join("-", List.of(settings.name(), Aws.REGION)))
                .defaultInterval(Duration.hours(3))
                .build();

        dashboard.addWidgets(AlarmStatusWidget.Builder.create()
                .title("Alarms")
                .alarms(alarms.all())
                .width(2 * HALF_WIDTH)
                .height(3)
                .build());

        dashboard.addWidgets(
                graph(
                        "API requests and errors",
                        List.of(
                                httpApi.metricCount(stat("Sum", "Requests")),
                                httpApi.metricClientError(stat("Sum", "4xx")),
                                httpApi.metricServerError(stat("Sum", "5xx")))),
                GraphWidget.Builder.create()
                        .title("API latency (ms)")
                        .left(List.of(
                                httpApi.metricLatency(stat("p50", "p50")), httpApi.metricLatency(stat("p99", "p99"))))
                        .leftAnnotations(List.of(HorizontalAnnotation.builder()
                                .value(settings.latencyAlarmMs())
                                .label("p99 alarm threshold")
                                .build()))
                        .leftYAxis(YAxisProps.builder().min(0).showUnits(false).build())
                        .width(HALF_WIDTH)
                        .height(HEIGHT)
                        .build());

        dashboard.addWidgets(
                graph(
                        "Events written",
                        List.of(
                                EventMetrics.total(FunctionMetrics.EVENTS_CREATED, PERIOD),
                                EventMetrics.total(FunctionMetrics.EVENTS_EXISTING, PERIOD),
                                EventMetrics.total(FunctionMetrics.EVENTS_CONFLICTING, PERIOD))),
                graph(
                        "Refused, unavailable and failed requests",
                        List.of(
                                EventMetrics.total(FunctionMetrics.REQUESTS_REFUSED, PERIOD),
                                EventMetrics.total(FunctionMetrics.STORE_UNAVAILABLE, PERIOD),
                                EventMetrics.total(FunctionMetrics.SERVER_ERRORS, PERIOD))));

        dashboard.addWidgets(
                GraphWidget.Builder.create()
                        .title("Function duration (ms)")
                        .left(List.of(
                                handler.metricDuration(stat("p50", "p50")),
                                handler.metricDuration(stat("p99", "p99")),
                                handler.metricDuration(stat("Maximum", "Maximum"))))
                        .leftYAxis(YAxisProps.builder().min(0).showUnits(false).build())
                        .width(HALF_WIDTH)
                        .height(HEIGHT)
                        .build(),
                GraphWidget.Builder.create()
                        .title("Function concurrency and cold starts")
                        .left(List.of(handler.metric("ConcurrentExecutions", stat("Maximum", "Concurrent executions"))))
                        .right(List.of(EventMetrics.total(FunctionMetrics.COLD_START, PERIOD)))
                        .leftYAxis(YAxisProps.builder().min(0).build())
                        .rightYAxis(YAxisProps.builder().min(0).build())
                        .width(HALF_WIDTH)
                        .height(HEIGHT)
                        .build());

        dashboard.addWidgets(
                graph(
                        "Table consumed capacity",
                        List.of(
                                t.metricConsumedReadCapacityUnits(stat("Sum", "Read capacity units")),
                                t.metricConsumedWriteCapacityUnits(stat("Sum", "Write capacity units")))),
                graph(
                        "Table throttles",
                        List.of(
                                table.throttleEvents("ReadThrottleEvents", "Throttled reads", PERIOD),
                                table.throttleEvents("WriteThrottleEvents", "Throttled writes", PERIOD))));
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(metrics)
                .leftYAxis(YAxisProps.builder().min(0).build())
                .width(HALF_WIDTH)
                .height(HEIGHT)
                .build();
    }

    private static MetricOptions stat(String statistic, String label) {
        return MetricOptions.builder()
                .statistic(statistic)
                .period(PERIOD)
                .label(label)
                .build();
    }
}
