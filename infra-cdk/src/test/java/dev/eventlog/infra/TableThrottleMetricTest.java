package dev.eventlog.infra;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.Table;

/** A table with an index: its throttle alarm adds the index's own throttle series to the table's. */
class TableThrottleMetricTest {

    @Test
    void throttleEvents_ofATableWithAnIndex_sumTableAndIndex_countingMissingDataAsZero() {
        Stack stack = new Stack();
        Table table = Table.Builder.create(stack, "Table")
                .partitionKey(Attribute.builder()
                        .name("date")
                        .type(AttributeType.STRING)
                        .build())
                .build();
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName("byUser")
                .partitionKey(Attribute.builder()
                        .name("userId")
                        .type(AttributeType.STRING)
                        .build())
                .build());
        Alarm.Builder.create(stack, "Alarm")
                .metric(EventTable.throttleEvents(
                        table, List.of("byUser"), "WriteThrottleEvents", "Throttled writes", Duration.minutes(5)))
                .threshold(0)
                .evaluationPeriods(1)
                .build();

        Map<String, Object> tableRef = Map.of("Ref", TestStacks.logicalId(table));
        Object sum = Map.of(
                "Id",
                "expr_1",
                "Label",
                "Throttled writes",
                "Expression",
                "FILL(writeTable, 0) + FILL(writeIndex0, 0)",
                "ReturnData",
                true);
        Object onTable = Match.objectLike(Map.of(
                "Id",
                "writeTable",
                "ReturnData",
                false,
                "MetricStat",
                Map.of(
                        "Metric",
                        Map.of(
                                "Namespace",
                                "AWS/DynamoDB",
                                "MetricName",
                                "WriteThrottleEvents",
                                "Dimensions",
                                List.of(Map.of("Name", "TableName", "Value", tableRef))),
                        "Stat",
                        "Sum",
                        "Period",
                        300)));
        Object onIndex = Match.objectLike(Map.of(
                "Id",
                "writeIndex0",
                "ReturnData",
                false,
                "MetricStat",
                Match.objectLike(Map.of(
                        "Metric",
                        Match.objectLike(Map.of(
                                "MetricName",
                                "WriteThrottleEvents",
                                "Dimensions",
                                Match.arrayWith(
                                        List.of(Map.of("Name", "GlobalSecondaryIndexName", "Value", "byUser"))))),
                        "Stat",
                        "Sum"))));
        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm", Match.objectLike(Map.of("Metrics", List.of(sum, onTable, onIndex))));
    }
}
