package dev.eventlog.infra;

import static dev.eventlog.infra.TestStacks.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Alarm;

/** The alarms of a deployment without an alarm e-mail: they exist, watch the right series, and notify nobody. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmsTemplateTest {

    private EventLogStack stack;
    private Template template;

    @BeforeAll
    void synthesize() {
        TestStacks.Synthesized synthesized = TestStacks.shared(Map.of());
        stack = synthesized.stack();
        template = synthesized.template();
    }

    @Test
    void sevenAlarms_eachNamedAfterTheStack_withADescriptionThatSaysWhatToDo_andNoAction() {
        template.resourceCountIs("AWS::CloudWatch::Alarm", 7);
        List<String> names = List.of(
                "FunctionErrors",
                "FunctionThrottles",
                "Api5xx",
                "ApiLatencyP99",
                "TableWriteThrottles",
                "TableReadThrottles",
                "StoreUnavailable");
        for (String name : names) {
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Match.objectLike(Map.of(
                            "AlarmName", "EventLog-" + name,
                            "AlarmDescription", Match.stringLikeRegexp(".{120,}"),
                            "AlarmActions", Match.absent(),
                            "OKActions", Match.absent(),
                            "TreatMissingData", "notBreaching")));
        }
        template.resourceCountIs("AWS::SNS::Topic", 0);
        template.resourceCountIs("AWS::SNS::Subscription", 0);
        template.resourceCountIs("AWS::KMS::Key", 0);
        assertTrue(template.findOutputs("AlarmTopicArn").isEmpty());
    }

    @Test
    void functionErrorsAndThrottles_alarmOnAnyInFiveMinutes() {
        for (String metric : List.of("Errors", "Throttles")) {
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Match.objectLike(Map.of(
                            "Namespace",
                            "AWS/Lambda",
                            "MetricName",
                            metric,
                            "Dimensions",
                            List.of(Map.of(
                                    "Name",
                                    "FunctionName",
                                    "Value",
                                    ref(stack.eventLog().getFunction()))),
                            "Statistic",
                            "Sum",
                            "Period",
                            300,
                            "EvaluationPeriods",
                            1,
                            "Threshold",
                            0,
                            "ComparisonOperator",
                            "GreaterThanThreshold")));
        }
    }

    @Test
    void api5xx_alarmsOnAnyServerErrorOfThisApi() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "EventLog-Api5xx",
                        "Namespace", "AWS/ApiGateway",
                        "MetricName", "5xx",
                        "Dimensions",
                                List.of(Map.of(
                                        "Name",
                                        "ApiId",
                                        "Value",
                                        ref(stack.eventLog().getHttpApi()))),
                        "Statistic", "Sum",
                        "Threshold", 0,
                        "ComparisonOperator", "GreaterThanThreshold")));
    }

    @Test
    void apiLatency_alarmsWhenP99StaysAboveTheDefaultSecond_forThreePeriods() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "EventLog-ApiLatencyP99",
                        "Namespace", "AWS/ApiGateway",
                        "MetricName", "Latency",
                        "Dimensions",
                                List.of(Map.of(
                                        "Name",
                                        "ApiId",
                                        "Value",
                                        ref(stack.eventLog().getHttpApi()))),
                        "ExtendedStatistic", "p99",
                        "Period", 300,
                        "EvaluationPeriods", 3,
                        "Threshold", EventLogProps.DEFAULT_LATENCY_ALARM_MS,
                        "ComparisonOperator", "GreaterThanThreshold")));
    }

    @Test
    void tableThrottles_alarmOnAnyThrottledReadOrWrite_ofThisTableAndItsUserIndex() {
        for (String metric : List.of("WriteThrottleEvents", "ReadThrottleEvents")) {
            String prefix = metric.startsWith("Write") ? "write" : "read";
            Object onTable = Match.objectLike(Map.of(
                    "Id",
                    prefix + "Table",
                    "MetricStat",
                    Match.objectLike(Map.of(
                            "Metric",
                            Map.of(
                                    "Namespace",
                                    "AWS/DynamoDB",
                                    "MetricName",
                                    metric,
                                    "Dimensions",
                                    List.of(Map.of(
                                            "Name",
                                            "TableName",
                                            "Value",
                                            ref(stack.eventLog().getTable())))),
                            "Stat",
                            "Sum"))));
            Object onIndex = Match.objectLike(Map.of(
                    "Id",
                    prefix + "Index0",
                    "MetricStat",
                    Match.objectLike(Map.of(
                            "Metric",
                            Match.objectLike(Map.of(
                                    "MetricName",
                                    metric,
                                    "Dimensions",
                                    Match.arrayWith(List.of(Map.of(
                                            "Name", "GlobalSecondaryIndexName", "Value", EventTable.USER_INDEX))))),
                            "Stat",
                            "Sum"))));
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Match.objectLike(Map.of(
                            "Metrics",
                            Match.arrayWith(List.of(onTable, onIndex)),
                            "Threshold",
                            0,
                            "ComparisonOperator",
                            "GreaterThanThreshold")));
        }
    }

    @Test
    void storeUnavailable_alarmsOnTheFunctionsOwnTotal_overFiveMinutes() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "EventLog-StoreUnavailable",
                        "Namespace", "EventLog",
                        "MetricName", "StoreUnavailable",
                        // The totals series is the one written without dimensions.
                        "Dimensions", Match.absent(),
                        "Statistic", "Sum",
                        "Period", 300,
                        "EvaluationPeriods", 1,
                        "Threshold", 0,
                        "ComparisonOperator", "GreaterThanThreshold")));
    }

    @Test
    void alarmsAccessor_listsEveryAlarmOfTheTemplate() {
        List<Alarm> alarms = stack.eventLog().alarms().all();
        assertEquals(7, alarms.size());
        assertEquals(
                alarms.size(), template.findResources("AWS::CloudWatch::Alarm").size(), "and no other alarm");
        assertEquals(7, alarms.stream().map(TestStacks::logicalId).distinct().count());
        alarms.forEach(alarm ->
                assertTrue(template.findResources("AWS::CloudWatch::Alarm").containsKey(TestStacks.logicalId(alarm))));
    }
}
