package dev.eventlog.infra;

import static dev.eventlog.infra.TestStacks.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
                Map.entry(EventLogConfig.STACK_NAME, "EventLogStaging"),
                Map.entry(EventLogConfig.ACCOUNT, "123456789012"),
                Map.entry(EventLogConfig.REGION, "eu-west-1"),
                Map.entry(EventLogConfig.TABLE_NAME, "EventLog"),
                Map.entry(EventLogConfig.MEMORY_SIZE, "2048"),
                Map.entry(EventLogConfig.ARCHITECTURE, "x86_64"),
                Map.entry(EventLogConfig.LOG_RETENTION_DAYS, 90),
                Map.entry(EventLogConfig.CORS_ALLOW_ORIGINS, "https://app.example.com, https://admin.example.com"),
                Map.entry(EventLogConfig.CORS_ALLOW_METHODS, List.of("get", "post", "options")),
                Map.entry(
                        EventLogConfig.CORS_ALLOW_HEADERS,
                        "authorization,content-type,x-amz-date,x-amz-security-token"),
                Map.entry(EventLogConfig.THROTTLE_RATE_LIMIT, "200"),
                Map.entry(EventLogConfig.THROTTLE_BURST_LIMIT, "400"),
                Map.entry(EventLogConfig.REQUESTER_USER, "true"),
                Map.entry(EventLogConfig.WRITE_SHARDS, "4"),
                Map.entry(EventLogConfig.EVENT_RETENTION_DAYS, 400),
                Map.entry(EventLogConfig.RESERVED_CONCURRENCY, "20")));
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
                                        ref(stack.table().table()),
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
                Map.of("ManagedPolicyArns", List.of(ref(stack.requesterAccess().policy()))));
        template.resourceCountIs("AWS::IAM::AccessKey", 0);
        template.hasOutput(
                "RequesterUserName",
                Map.of("Value", ref(stack.requesterAccess().user().orElseThrow())));
    }
}
