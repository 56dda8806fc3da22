package dev.eventlog.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.constructs.Construct;

/**
 * The DynamoDB table of events: key (date, time) as the original, with the {@code byUser} index, protected against
 * loss and deletion.
 */
final class EventTable extends Construct {

    /**
     * The global secondary index of a user's events: partition key {@code userId}, sort key {@code at}
     * ({@code YYYY-MM-DDTHH:mm:ss.SSS#<eventId>}, written by the store on every event), every attribute projected so
     * a page is read from the index alone. The store's name for it is pinned equal to this by a test.
     */
    public static final String USER_INDEX = "byUser";

    static final String USER_INDEX_PARTITION_KEY = "userId";
    static final String USER_INDEX_SORT_KEY = "at";

    /** Epoch seconds after which an event has outlived the retention period; the store writes it when one is set. */
    public static final String EXPIRES_AT_ATTRIBUTE = "expiresAt";

    private final Table table;

    EventTable(Construct scope, String id, EventLogSettings settings) {
        super(scope, id);
        TableProps.Builder props = TableProps.builder()
                .partitionKey(Attribute.builder()
                        .name("date")
                        .type(AttributeType.STRING)
                        .build())
                .sortKey(Attribute.builder()
                        .name("time")
                        .type(AttributeType.STRING)
                        .build())
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .deletionProtection(true)
                // The events are the system's only state: deleting the stack must never delete them.
                .removalPolicy(RemovalPolicy.RETAIN);
        settings.tableName().ifPresent(props::tableName);
        // Without a retention period no item carries the attribute, and no TTL is switched on that could delete one.
        settings.retentionDays().ifPresent(days -> props.timeToLiveAttribute(EXPIRES_AT_ATTRIBUTE));
        TableBilling billing = settings.billing();
        if (billing.provisioned()) {
            props.billingMode(BillingMode.PROVISIONED)
                    .readCapacity(billing.readCapacity())
                    .writeCapacity(billing.writeCapacity());
        } else {
            props.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        this.table = new Table(this, "Table", props.build());
        GlobalSecondaryIndexProps.Builder index = GlobalSecondaryIndexProps.builder()
                .indexName(USER_INDEX)
                .partitionKey(Attribute.builder()
                        .name(USER_INDEX_PARTITION_KEY)
                        .type(AttributeType.STRING)
                        .build())
                .sortKey(Attribute.builder()
                        .name(USER_INDEX_SORT_KEY)
                        .type(AttributeType.STRING)
                        .build())
                .projectionType(ProjectionType.ALL);
        if (billing.provisioned()) {
            // Every write to the table is also a write to the index, and reads by user go to the index alone.
            index.readCapacity(billing.readCapacity()).writeCapacity(billing.writeCapacity());
        }
        table.addGlobalSecondaryIndex(index.build());
    }

    public Table table() {
        return table;
    }

    /**
     * The names of the table's global secondary indexes; an index added to the table is named here too, so that the
     * throttle alarms and the dashboard watch it.
     */
    public List<String> globalSecondaryIndexNames() {
        return List.of(USER_INDEX);
    }

    /** The ARN of the {@code byUser} index, the one resource the function may query besides the table. */
    public String userIndexArn() {
        return table.getTableArn() + "/index/" + USER_INDEX;
    }

    /**
     * Throttle events ({@code ReadThrottleEvents} or {@code WriteThrottleEvents}) of the table plus those of each
     * global secondary index, summed per period: DynamoDB counts an index's throttles only under the index's own
     * dimension, and a throttled index write also throttles the table write that caused it.
     */
    public IMetric throttleEvents(String metricName, String label, Duration period) {
        return throttleEvents(table, globalSecondaryIndexNames(), metricName, label, period);
    }

    static IMetric throttleEvents(
            ITable table, List<String> indexes, String metricName, String label, Duration period) {
        Metric onTable = throttleMetric(metricName, Map.of("TableName", table.getTableName()), period);
        if (indexes.isEmpty()) {
            // A plain metric, unlabelled, keeps an alarm on it in CloudWatch's simple single-metric form.
            return onTable;
        }
        // Ids named after the metric ("read", "write"), because a graph that shows both sums needs distinct ids.
        String prefix = Character.toLowerCase(metricName.charAt(0))
                + metricName.substring(1).replace("ThrottleEvents", "");
        Map<String, IMetric> using = new LinkedHashMap<>();
        using.put(prefix + "Table", onTable);
        List<String> terms = new ArrayList<>(List.of("FILL(" + prefix + "Table, 0)"));
        for (int i = 0; i < indexes.size(); i++) {
            using.put(
                    prefix + "Index" + i,
                    throttleMetric(
                            metricName,
                            Map.of("TableName", table.getTableName(), "GlobalSecondaryIndexName", indexes.get(i)),
                            period));
            // FILL: an index without throttles has no data, which would otherwise turn the whole sum into no data.
            terms.add("FILL(" + prefix + "Index" + i + ", 0)");
        }
        return MathExpression.Builder.create()
                .expression(String.join(" + ", terms))
                .usingMetrics(using)
                .label(label)
                .period(period)
                .build();
    }

    private static Metric throttleMetric(String metricName, Map<String, String> dimensions, Duration period) {
        return Metric.Builder.create()
                .namespace("AWS/DynamoDB")
                .metricName(metricName)
                .dimensionsMap(dimensions)
                .statistic("Sum")
                .period(period)
                .build();
    }
}
