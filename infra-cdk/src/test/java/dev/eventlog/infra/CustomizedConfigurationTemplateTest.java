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

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomizedConfigurationTemplateTest {

    private EventLogStack stack;
    private Template template;

    @BeforeAll
    void synthesize() {
        stack = TestStacks.stack(Map.ofEntries(
                Map.entry(AppContext.STACK_NAME, "EventLogStaging"),
                Map.entry(AppContext.ACCOUNT, "123456789012"),
                Map.entry(AppContext.REGION, "eu-west-1"),
                Map.entry(AppContext.TABLE_NAME, "EventLog"),
                Map.entry(AppContext.MEMORY_SIZE, "2048"),
                Map.entry(AppContext.ARCHITECTURE, "x86_64"),
                Map.entry(AppContext.LOG_RETENTION_DAYS, 90),
                Map.entry(AppContext.CORS_ALLOW_ORIGINS, "https://app.example.com, https://admin.example.com"),
                Map.entry(AppContext.CORS_ALLOW_METHODS, List.of("get", "post", "options")),
                Map.entry(AppContext.CORS_ALLOW_HEADERS, "authorization,content-type,x-amz-date,x-amz-security-token"),
                Map.entry(AppContext.THROTTLE_RATE_LIMIT, "200"),
                Map.entry(AppContext.THROTTLE_BURST_LIMIT, "400"),
                Map.entry(AppContext.REQUESTER_USER, "true"),
                Map.entry(AppContext.WRITE_SHARDS, "4"),
                Map.entry(AppContext.EVENT_RETENTION_DAYS, 400),
                Map.entry(AppContext.RESERVED_CONCURRENCY, "20"),
                Map.entry(AppContext.LATENCY_ALARM_MS, "2500")));
        template = Template.fromStack(stack);
    }

    @Test
    void stack_takesItsNameAndEnvironmentFromContext() {
        assertEquals("EventLogStaging", stack.getStackName());
        assertEquals("123456789012", stack.getAccount());
        assertEquals("eu-west-1", stack.getRegion());
    }

    @Test
    void table_takesTheGivenName() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of("TableName", "EventLog")));
    }

    @Test
    void function_takesMemoryAndArchitecture() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "MemorySize", 2048,
                        "Architectures", List.of("x86_64"),
                        "SnapStart", Map.of("ApplyOn", "PublishedVersions"))));
    }

    @Test
    void function_takesWriteShardsAndRetention_inItsEnvironment_andTheReservedConcurrency() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "Environment",
                        Map.of(
                                "Variables",
                                Map.of(
                                        "TABLE_NAME",
                                        ref(stack.eventLog().getTable()),
                                        "EVENTLOG_WRITE_SHARDS",
                                        "4",
                                        "EVENTLOG_RETENTION_DAYS",
                                        "400",
                                        "JAVA_TOOL_OPTIONS",
                                        EventFunction.JVM_OPTIONS)),
                        "ReservedConcurrentExecutions",
                        20)));
    }

    @Test
    void retention_switchesOnTimeToLive_onTheAttributeTheStoreWrites() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(
                        Map.of("TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))));
    }

    @Test
    void bothLogGroups_takeTheRetention() {
        template.resourceCountIs("AWS::Logs::LogGroup", 2);
        template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
    }

    @Test
    void cors_takesOriginsMethodsAndHeaders() {
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Api",
                Match.objectLike(Map.of(
                        "CorsConfiguration",
                        Map.of(
                                "AllowOrigins", List.of("https://app.example.com", "https://admin.example.com"),
                                "AllowMethods", List.of("GET", "POST", "OPTIONS"),
                                "AllowHeaders",
                                        List.of(
                                                "authorization",
                                                "content-type",
                                                "x-amz-date",
                                                "x-amz-security-token")))));
    }

    @Test
    void stage_takesTheThrottling() {
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Stage",
                Match.objectLike(Map.of(
                        "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 200, "ThrottlingBurstLimit", 400))));
    }

    @Test
    void requesterUser_holdsTheInvokePolicy_andIsNamedInTheOutputs() {
        template.resourceCountIs("AWS::IAM::User", 1);
        template.hasResourceProperties(
                "AWS::IAM::User",
                Map.of("ManagedPolicyArns", List.of(ref(stack.eventLog().getRequesterPolicy()))));
        template.resourceCountIs("AWS::IAM::AccessKey", 0);
        template.hasOutput(
                "RequesterUserName",
                Map.of("Value", ref(stack.eventLog().getRequesterUser().orElseThrow())));
    }

    @Test
    void latencyAlarm_takesTheThreshold_andEveryAlarmTheStacksName() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of("AlarmName", "EventLogStaging-ApiLatencyP99", "Threshold", 2500)));
    }

    @Test
    void throttlingAboveTheReservedConcurrency_isAWarning_naming_bothValues() {
        List<software.amazon.awscdk.cxapi.SynthesisMessage> warnings =
                software.amazon.awscdk.assertions.Annotations.fromStack(stack)
                        .findWarning("*", Match.stringLikeRegexp(".*throttle.*"));
        assertEquals(1, warnings.size(), warnings.toString());
        String text = String.valueOf(warnings.get(0).getEntry().getData());
        assertTrue(text.contains("400 + 200 x 20 s = 4400 requests"), text);
        assertTrue(text.contains("more than the 20 reserved concurrent executions"), text);
    }
}
