package dev.eventlog.infra;

import dev.eventlog.http.FunctionMetrics;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * The alarms an operator is woken by: function errors and throttles, API 5xx and slow answers, throttled table
 * reads and writes, and an unavailable store; all of them notify the optional alarm topic.
 */
final class EventLogAlarms extends Construct {

    /** Count alarms sum five minutes: soon enough to act on, long enough to hold more than a request or two. */
    static final Duration PERIOD = Duration.minutes(5);
    /** p99 latency must stay high this many periods in a row, so that one slow cold start does not page anyone. */
    static final int LATENCY_PERIODS = 3;

    private final Alarm functionErrors;
    private final Alarm functionThrottles;
    private final Alarm apiServerErrors;
    private final Alarm apiLatency;
    private final Alarm tableWriteThrottles;
    private final Alarm tableReadThrottles;
    private final Alarm storeUnavailable;
    private final Optional<AlarmTopic> topic;

    EventLogAlarms(
            Construct scope,
            String id,
            EventLogSettings settings,
            EventTable table,
            EventFunction function,
            EventHttpApi api) {
        super(scope, id);
        String prefix = settings.name() + "-";
        IFunction handler = function.function();

        this.functionErrors = countAlarm(
                "FunctionErrors",
                prefix,
                handler.metricErrors(sum()),
                "The function failed invocations: it crashed, ran out of memory or reached its "
                        + EventFunction.TIMEOUT_SECONDS
                        + " s timeout, so those callers got the gateway's 5xx "
                        + "instead of the function's answer. Find the requests in the function's log group and their X-Ray "
                        + "traces; a timeout usually means a slow or throttled table, an out-of-memory error a page too large "
                        + "for the memory size.");
        this.functionThrottles = countAlarm(
                "FunctionThrottles",
                prefix,
                handler.metricThrottles(sum()),
                "Lambda refused invocations because the function reached its reserved concurrency or the account's "
                        + "concurrency limit; those callers got an error. Compare ConcurrentExecutions on the dashboard with "
                        + "the limit, then raise 'reservedConcurrency' (or the account quota) or lower the stage throttling so "
                        + "that the gateway refuses excess calls first with a 429.");
        this.apiServerErrors = countAlarm(
                "Api5xx",
                prefix,
                api.api().metricServerError(sum()),
                "The API answered with 5xx. StoreUnavailable (503) points at the table, ServerErrors (500) at the "
                        + "function's code, function errors or throttles at Lambda; with none of those, the access log's "
                        + "errorMessage and integrationErrorMessage name what failed at the gateway.");
        this.apiLatency = Alarm.Builder.create(this, "ApiLatencyP99")
                .alarmName(prefix + "ApiLatencyP99")
                .alarmDescription(
                        "The slowest 1 % of API answers took longer than " + settings.latencyAlarmMs() + " ms for "
                                + LATENCY_PERIODS * PERIOD.toMinutes().intValue()
                                + " minutes. Look at function duration, cold starts "
                                + "and table throttles on the dashboard and at slow traces in X-Ray: large pages, a cold start after a "
                                + "deploy, or table throttling with retries are the usual causes; ask heavy readers for smaller pages "
                                + "or raise 'memorySize'.")
                .metric(api.api()
                        .metricLatency(MetricOptions.builder()
                                .statistic("p99")
                                .period(PERIOD)
                                .build()))
                .threshold(settings.latencyAlarmMs())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(LATENCY_PERIODS)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        this.tableWriteThrottles = countAlarm(
                "TableWriteThrottles",
                prefix,
                table.throttleEvents("WriteThrottleEvents", "Throttled writes", PERIOD),
                "DynamoDB throttled writes to the table or one of its indexes. The store's client retried them, but "
                        + "callers wait longer and may get 503s. On provisioned billing raise 'writeCapacity' or switch to "
                        + "on-demand; on one busy day, spread the writes over more 'writeShards' (this can only be chosen for a "
                        + "new table).");
        this.tableReadThrottles = countAlarm(
                "TableReadThrottles",
                prefix,
                table.throttleEvents("ReadThrottleEvents", "Throttled reads", PERIOD),
                "DynamoDB throttled reads of the table or one of its indexes. The store's client retried them, but "
                        + "callers wait longer and may get 503s. On provisioned billing raise 'readCapacity' or switch to "
                        + "on-demand; look for a caller reading whole days in a loop in the access log.");
        this.storeUnavailable = countAlarm(
                "StoreUnavailable",
                prefix,
                EventMetrics.total(FunctionMetrics.STORE_UNAVAILABLE, PERIOD),
                "The function answered 503 because DynamoDB stayed unreachable or throttled after the client's retries. "
                        + "Nothing was lost: the callers were told to retry. Check the table's throttles on the dashboard, the "
                        + "AWS Health Dashboard for DynamoDB in this region, and the function's log for the error it names.");

        this.topic = settings.alarmEmail().map(email -> new AlarmTopic(this, "Topic", email));
        topic.ifPresent(t -> {
            SnsAction notify = new SnsAction(t.topic());
            for (Alarm alarm : all()) {
                alarm.addAlarmAction(notify);
                // The all-clear is news too: whoever was woken learns that it is over.
                alarm.addOkAction(notify);
            }
        });
    }

    /** Every alarm, in the order the operating guide lists them. */
    public List<Alarm> all() {
        return List.of(
                functionErrors,
                functionThrottles,
                apiServerErrors,
                apiLatency,
                tableWriteThrottles,
                tableReadThrottles,
                storeUnavailable);
    }

    public Optional<AlarmTopic> topic() {
        return topic;
    }

    private Alarm countAlarm(String name, String prefix, IMetric metric, String description) {
        return Alarm.Builder.create(this, name)
                .alarmName(prefix + name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                // No data means no requests, or none of these failures: nothing to wake anyone for.
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
    }
}
