package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Template;

/** The one dashboard: what an operator looks at first, each series on it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTemplateTest {

    private EventLogStack stack;
    private Template template;
    private String body;

    @BeforeAll
    void synthesize() {
        TestStacks.Synthesized synthesized = TestStacks.shared(Map.of());
        stack = synthesized.stack();
        template = synthesized.template();
        Map<String, Map<String, Object>> dashboards = template.findResources("AWS::CloudWatch::Dashboard");
        assertEquals(1, dashboards.size());
        Object raw = ((Map<?, ?>) dashboards.values().iterator().next().get("Properties")).get("DashboardBody");
        body = flatten(raw);
    }

    @Test
    void oneDashboard_namedAfterTheStackAndRegion_andNamedInTheOutputs() {
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        template.hasResourceProperties(
                "AWS::CloudWatch::Dashboard",
                Map.of(
                        "DashboardName",
                                Map.of("Fn::Join", List.of("-", List.of("EventLog", Map.of("Ref", "AWS::Region")))),
                        "DashboardBody", software.amazon.awscdk.assertions.Match.anyValue()));
        template.hasOutput(
                "DashboardName",
                software.amazon.awscdk.assertions.Match.objectLike(Map.of(
                        "Value",
                        Map.of("Ref", TestStacks.logicalId(stack.eventLog().getDashboard())))));
    }

    @Test
    void apiWidgets_showRequests4xx5xx_andP50AndP99Latency() {
        for (String series : List.of(
                "\"AWS/ApiGateway\",\"Count\"",
                "\"AWS/ApiGateway\",\"4xx\"",
                "\"AWS/ApiGateway\",\"5xx\"",
                "\"AWS/ApiGateway\",\"Latency\"",
                "\"stat\":\"p50\"",
                "\"stat\":\"p99\"")) {
            assertTrue(body.contains(series), series + " missing from " + body);
        }
        assertTrue(body.contains("\"value\":" + EventLogProps.DEFAULT_LATENCY_ALARM_MS), "latency threshold line");
    }

    @Test
    void eventWidgets_showTheFunctionsOwnTotals() {
        for (String metric : List.of(
                "EventsCreated",
                "EventsExisting",
                "EventsConflicting",
                "RequestsRefused",
                "StoreUnavailable",
                "ServerErrors",
                "ColdStart")) {
            // Written without dimensions: the namespace and name are followed directly by the options.
            assertTrue(body.contains("[\"EventLog\",\"" + metric + "\",{"), metric + " missing from " + body);
        }
    }

    @Test
    void functionWidgets_showDurationConcurrencyAndColdStarts() {
        for (String series : List.of(
                "\"AWS/Lambda\",\"Duration\"",
                "\"AWS/Lambda\",\"ConcurrentExecutions\"",
                "\"EventLog\",\"ColdStart\"")) {
            assertTrue(body.contains(series), series + " missing from " + body);
        }
    }

    @Test
    void tableWidgets_showConsumedCapacityAndThrottles() {
        for (String series : List.of(
                "\"ConsumedReadCapacityUnits\"",
                "\"ConsumedWriteCapacityUnits\"",
                "\"ReadThrottleEvents\"",
                "\"WriteThrottleEvents\"")) {
            assertTrue(body.contains("\"AWS/DynamoDB\"," + series), series + " missing from " + body);
        }
    }

    @Test
    void alarmWidget_showsEveryAlarm() {
        assertTrue(body.contains("\"type\":\"alarm\""), body);
        assertEquals(stack.eventLog().alarms().all().size(), body.split("\\{alarm:", -1).length - 1, body);
    }

    /** The body as one string, with each CloudFormation reference written as {logicalId} or {alarm:...}. */
    private static String flatten(Object node) {
        if (node instanceof String text) {
            return text;
        }
        if (node instanceof Map<?, ?> map) {
            if (map.get("Fn::Join") instanceof List<?> join) {
                return ((List<?>) join.get(1))
                        .stream()
                                .map(DashboardTemplateTest::flatten)
                                .collect(Collectors.joining(String.valueOf(join.get(0))));
            }
            if (map.get("Fn::GetAtt") instanceof List<?> getAtt) {
                String id = String.valueOf(getAtt.get(0));
                return id.contains("Alarm") && "Arn".equals(getAtt.get(1)) ? "{alarm:" + id + "}" : "{" + id + "}";
            }
            if (map.containsKey("Ref")) {
                return "{" + map.get("Ref") + "}";
            }
        }
        return String.valueOf(node);
    }
}
