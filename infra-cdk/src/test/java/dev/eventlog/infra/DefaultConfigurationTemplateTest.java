package dev.eventlog.infra;

import static dev.eventlog.infra.TestStacks.arn;
import static dev.eventlog.infra.TestStacks.logicalId;
import static dev.eventlog.infra.TestStacks.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultConfigurationTemplateTest {

    private EventLogStack stack;
    private EventLog log;
    private Template template;

    @BeforeAll
    void synthesize() {
        TestStacks.Synthesized synthesized = TestStacks.shared(Map.of());
        stack = synthesized.stack();
        log = synthesized.eventLog();
        template = synthesized.template();
    }

    @Test
    void everyResource_keepsTheLogicalIdItHadBeforeTheEventLogConstruct_soDeployedStacksUpdateInPlace() {
        List<String> ids = new ArrayList<>(
                template.toJSON().get("Resources") instanceof Map<?, ?> resources
                        ? resources.keySet().stream().map(String::valueOf).toList()
                        : List.of());
        // The version's id is a hash of the function's code and configuration: it changes with every new jar.
        assertTrue(ids.removeIf(id -> id.matches("HandlerFunctionCurrentVersion7B9820B6[0-9a-f]{32}")), ids.toString());
        assertEquals(
                new java.util.TreeSet<>(List.of(
                        "AlarmsApi5xxFE885FB1",
                        "AlarmsApiLatencyP99A5F86060",
                        "AlarmsFunctionErrors8A553A4B",
                        "AlarmsFunctionThrottles9E6847CC",
                        "AlarmsStoreUnavailable9B8517E8",
                        "AlarmsTableReadThrottles7AA107F2",
                        "AlarmsTableWriteThrottlesE71DCC53",
                        "EventsTable4B7491D3",
                        "HandlerAliasE737B92A",
                        "HandlerFunction0D87A48C",
                        "HandlerLogGroup50A7B41D",
                        "HandlerRole2397B183",
                        "HttpApi9292168F",
                        "HttpApiAccessLogsDED8C7A4",
                        "HttpApiDefaultStage3EEB07D6",
                        "HttpApiGETevents5CB055C8",
                        "HttpApiGETeventsEventLogIntegration2386BEA2",
                        "HttpApiGETeventsEventLogIntegrationPermissionC91F0026",
                        "HttpApiGETeventsdate95AF03E2",
                        "HttpApiGETeventsdateEventLogIntegrationPermission6ECAC188",
                        "HttpApiGETeventsdatetime177FBAC5",
                        "HttpApiGETeventsdatetimeEventLogIntegrationPermission60EC720D",
                        "HttpApiGETeventsdatetimeeventId0E574768",
                        "HttpApiGETeventsdatetimeeventIdEventLogIntegrationPermission154B5129",
                        "HttpApiPOSTevents1CD7C4B1",
                        "HttpApiPOSTeventsEventLogIntegrationPermission0FD6C4C3",
                        "OperationsDashboardE19B83FC",
                        "OperatorsPolicy0178DE48",
                        "RequesterInvokePolicyB95EDB44")),
                new java.util.TreeSet<>(ids));
    }

    @Test
    void table_isKeyedByDateAndTime_withTheUserIndex_onDemand_recoverable_andProtected() {
        template.resourceCountIs("AWS::DynamoDB::Table", 1);
        template.hasResource(
                "AWS::DynamoDB::Table",
                Map.of(
                        "DeletionPolicy", "Retain",
                        "UpdateReplacePolicy", "Retain",
                        "Properties",
                                Map.of(
                                        "KeySchema",
                                                List.of(
                                                        Map.of("AttributeName", "date", "KeyType", "HASH"),
                                                        Map.of("AttributeName", "time", "KeyType", "RANGE")),
                                        "AttributeDefinitions",
                                                List.of(
                                                        Map.of("AttributeName", "date", "AttributeType", "S"),
                                                        Map.of("AttributeName", "time", "AttributeType", "S"),
                                                        Map.of("AttributeName", "userId", "AttributeType", "S"),
                                                        Map.of("AttributeName", "at", "AttributeType", "S")),
                                        "GlobalSecondaryIndexes",
                                                List.of(Map.of(
                                                        "IndexName", "byUser",
                                                        "KeySchema",
                                                                List.of(
                                                                        Map.of(
                                                                                "AttributeName",
                                                                                "userId",
                                                                                "KeyType",
                                                                                "HASH"),
                                                                        Map.of(
                                                                                "AttributeName",
                                                                                "at",
                                                                                "KeyType",
                                                                                "RANGE")),
                                                        "Projection", Map.of("ProjectionType", "ALL"))),
                                        "BillingMode", "PAY_PER_REQUEST",
                                        "ProvisionedThroughput", Match.absent(),
                                        "TableName", Match.absent(),
                                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                                        "DeletionProtectionEnabled", true)));
    }

    @Test
    void functionLogGroup_isCreatedExplicitly_withRetention() {
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "LoggingConfig",
                        Map.of("LogGroup", ref(log.eventFunction().logGroup())))));
        // The function log group and the access log group; nothing else may create one.
        template.resourceCountIs("AWS::Logs::LogGroup", 2);
        template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }

    @Test
    void functionRole_allowsOnlyTheAdapterActions_onThisTable_andLogs_onItsOwnGroup() {
        template.hasResourceProperties(
                "AWS::IAM::Role",
                Map.of(
                        "AssumeRolePolicyDocument",
                                Match.objectLike(Map.of(
                                        "Statement",
                                        List.of(Map.of(
                                                "Action", "sts:AssumeRole",
                                                "Effect", "Allow",
                                                "Principal", Map.of("Service", "lambda.amazonaws.com"))))),
                        "ManagedPolicyArns", Match.absent(),
                        "Policies",
                                List.of(Map.of(
                                        "PolicyName",
                                        "EventLogFunction",
                                        "PolicyDocument",
                                        Map.of(
                                                "Version",
                                                "2012-10-17",
                                                "Statement",
                                                List.of(
                                                        Map.of(
                                                                "Sid",
                                                                "ReadAndAppendEvents",
                                                                "Effect",
                                                                "Allow",
                                                                "Action",
                                                                // Sorted, as the minimizePolicies flag writes them.
                                                                List.of(
                                                                        "dynamodb:GetItem",
                                                                        "dynamodb:PutItem",
                                                                        "dynamodb:Query",
                                                                        "dynamodb:Scan"),
                                                                "Resource",
                                                                arn(log.getTable())),
                                                        Map.of(
                                                                "Sid", "ReadUserHistory",
                                                                "Effect", "Allow",
                                                                "Action", "dynamodb:Query",
                                                                "Resource", TestStacks.userIndexArn(log.getTable())),
                                                        Map.of(
                                                                "Sid",
                                                                "WriteOwnLogs",
                                                                "Effect",
                                                                "Allow",
                                                                "Action",
                                                                List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                                                "Resource",
                                                                arn(log.eventFunction()
                                                                        .logGroup())),
                                                        Map.of(
                                                                "Sid", "SendTraces",
                                                                "Effect", "Allow",
                                                                "Action",
                                                                        List.of(
                                                                                "xray:PutTelemetryRecords",
                                                                                "xray:PutTraceSegments"),
                                                                "Resource", "*")))))));
        // No separate (default) policy may widen the role later, not even the one active tracing would add.
        template.resourceCountIs("AWS::IAM::Policy", 0);
    }

    @Test
    void noPolicyAnywhere_grantsWildcardActions_orAllResources_exceptTracing_orUsesAwsManagedPolicies() {
        List<Map<?, ?>> statements = new ArrayList<>();
        collectStatements(template.toJSON(), statements);
        assertFalse(statements.isEmpty());
        for (Map<?, ?> statement : statements) {
            List<?> actions = statement.get("Action") instanceof List<?> list ? list : List.of(statement.get("Action"));
            actions.forEach(action -> assertFalse(String.valueOf(action).contains("*"), "wildcard action " + action));
            if ("*".equals(statement.get("Resource"))) {
                // X-Ray has no resource types: its two write actions are the only grant allowed on every resource.
                assertEquals(
                        java.util.Set.copyOf(EventFunction.TRACING_ACTIONS),
                        java.util.Set.copyOf(actions),
                        "a statement grants on every resource: " + statement);
            }
        }
        template.allResourcesProperties("AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.absent()));
    }

    /** Every policy statement anywhere in the template. */
    private static void collectStatements(Object node, List<Map<?, ?>> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("Statement".equals(k) && v instanceof List<?> list) {
                    list.forEach(item -> found.add((Map<?, ?>) item));
                }
                collectStatements(v, found);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectStatements(item, found));
        }
    }

    @Test
    void function_runsTheProvenHandler_onLatestJava_withSnapStart_andDeliberateLimits() {
        template.resourceCountIs("AWS::Lambda::Function", 1);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.ofEntries(
                        Map.entry("Runtime", "java25"),
                        Map.entry("Handler", "dev.eventlog.lambda.EventLogHandler::handleRequest"),
                        Map.entry("Architectures", List.of("arm64")),
                        Map.entry("MemorySize", EventLogProps.DEFAULT_MEMORY_SIZE_MB),
                        Map.entry("Timeout", 20),
                        Map.entry("SnapStart", Map.of("ApplyOn", "PublishedVersions")),
                        Map.entry("Role", arn(log.eventFunction().role())),
                        Map.entry(
                                "Environment",
                                Map.of(
                                        "Variables",
                                        Map.of(
                                                "TABLE_NAME", ref(log.getTable()),
                                                "EVENTLOG_WRITE_SHARDS", "1",
                                                "JAVA_TOOL_OPTIONS",
                                                        "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"))),
                        Map.entry("ReservedConcurrentExecutions", EventLogProps.DEFAULT_RESERVED_CONCURRENCY),
                        Map.entry(
                                "Code",
                                Match.objectLike(Map.of("S3Key", Match.stringLikeRegexp("[0-9a-f]{64}\\.jar"))))));
    }

    @Test
    void function_startsItsJvmWithC1Only_asTheLambdaGuideDocumentsForStartUp() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "Environment",
                        Map.of(
                                "Variables",
                                Match.objectLike(Map.of(
                                        "JAVA_TOOL_OPTIONS",
                                        Match.stringLikeRegexp(".*-XX:TieredStopAtLevel=1.*")))))));
    }

    @Test
    void function_isActivelyTraced_byTheRolesOwnInlinePolicy() {
        template.hasResourceProperties(
                "AWS::Lambda::Function", Match.objectLike(Map.of("TracingConfig", Map.of("Mode", "Active"))));
        // The statement the tracing needs is in the role's one inline policy (asserted in full above), and the
        // function depends on nothing else that could carry a second grant.
        template.resourceCountIs("AWS::IAM::Policy", 0);
        template.hasResource(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "DependsOn", List.of(logicalId(log.eventFunction().role())))));
    }

    @Test
    void byDefault_noRetention_soNoTimeToLive_andNoRetentionVariable() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table", Match.objectLike(Map.of("TimeToLiveSpecification", Match.absent())));
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "Environment",
                        Map.of("Variables", Match.objectLike(Map.of("EVENTLOG_RETENTION_DAYS", Match.absent()))))));
    }

    @Test
    void alias_pointsAtAPublishedVersion() {
        template.resourceCountIs("AWS::Lambda::Version", 1);
        String versionId = template.getResourceId("AWS::Lambda::Version");
        template.hasResourceProperties(
                "AWS::Lambda::Alias",
                Map.of(
                        "Name", EventFunction.ALIAS_NAME,
                        "FunctionName", ref(log.eventFunction().function()),
                        "FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version"))));
    }

    @Test
    void api_answersCorsForSigV4Clients_namingEveryHeaderTheyNeed_andLetsBrowsersCacheThePreflight() {
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Api",
                Match.objectLike(Map.of(
                        "ProtocolType",
                        "HTTP",
                        "DisableExecuteApiEndpoint",
                        false,
                        "CorsConfiguration",
                        Map.of(
                                "AllowOrigins", List.of("*"),
                                "AllowMethods", List.of("GET", "POST"),
                                "AllowHeaders",
                                        List.of(
                                                "authorization",
                                                "content-type",
                                                "x-amz-date",
                                                "x-amz-security-token",
                                                "x-amz-content-sha256"),
                                "MaxAge", 3600))));
    }

    @Test
    void api_hasExactlyTheFiveRoutes_eachWithIamAuthorization_toOneProxyIntegration() {
        assertEquals(
                List.of(
                        "GET /events",
                        "POST /events",
                        "GET /events/{date}",
                        "GET /events/{date}/{time}",
                        "GET /events/{date}/{time}/{eventId}"),
                Route.ALL.stream().map(Route::routeKey).toList());
        template.resourceCountIs("AWS::ApiGatewayV2::Route", 5);
        template.resourceCountIs("AWS::ApiGatewayV2::Integration", 1);
        String integrationId = template.getResourceId("AWS::ApiGatewayV2::Integration");
        for (Route route : Route.ALL) {
            template.hasResourceProperties(
                    "AWS::ApiGatewayV2::Route",
                    Map.of(
                            "ApiId", ref(log.getHttpApi()),
                            "RouteKey", route.routeKey(),
                            "AuthorizationType", "AWS_IAM",
                            "Target",
                                    Map.of(
                                            "Fn::Join",
                                            List.of("", List.of("integrations/", Map.of("Ref", integrationId))))));
        }
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Integration",
                Map.of(
                        "ApiId",
                        ref(log.getHttpApi()),
                        "IntegrationType",
                        "AWS_PROXY",
                        "PayloadFormatVersion",
                        "2.0",
                        "IntegrationUri",
                        ref(log.eventFunction().alias())));
    }

    @Test
    void apiGateway_mayInvokeTheAlias_forEachRoute() {
        template.resourcePropertiesCountIs(
                "AWS::Lambda::Permission",
                Map.of(
                        "Action",
                        "lambda:InvokeFunction",
                        "Principal",
                        "apigateway.amazonaws.com",
                        "FunctionName",
                        ref(log.eventFunction().alias()),
                        "SourceArn",
                        Match.anyValue()),
                5);
        template.resourceCountIs("AWS::Lambda::Permission", 5);
    }

    @Test
    void defaultStage_autoDeploys_throttles_andLogsTheOriginalJsonFields_thenTheCaller() {
        template.resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        Capture format = new Capture();
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Stage",
                Map.of(
                        "ApiId", ref(log.getHttpApi()),
                        "StageName", "$default",
                        "AutoDeploy", true,
                        "DefaultRouteSettings",
                                Map.of(
                                        "ThrottlingRateLimit", 4,
                                        "ThrottlingBurstLimit", 20),
                        "AccessLogSettings",
                                Map.of("DestinationArn", arn(log.eventHttpApi().accessLogGroup()), "Format", format)));

        Map<String, Object> fields = jsonObject(format.asString());
        assertEquals(
                List.of(
                        "requestId",
                        "ip",
                        "requestTime",
                        "httpMethod",
                        "routeKey",
                        "status",
                        "protocol",
                        "responseLength",
                        "errorMessage",
                        "errorResponseType",
                        "authorizerError",
                        "integrationErrorMessage",
                        "userArn",
                        "callerAccountId"),
                new ArrayList<>(fields.keySet()));
        assertEquals("$context.identity.userArn", fields.get("userArn"));
        assertEquals("$context.identity.accountId", fields.get("callerAccountId"));
        assertEquals("$context.identity.sourceIp", fields.get("ip"));
        assertEquals("$context.error.message", fields.get("errorMessage"));
        assertEquals("$context.error.responseType", fields.get("errorResponseType"));
        assertEquals("$context.authorizer.error", fields.get("authorizerError"));
        assertEquals("$context.integrationErrorMessage", fields.get("integrationErrorMessage"));
        fields.forEach((name, variable) -> assertTrue(String.valueOf(variable).startsWith("$context."), name));
    }

    @Test
    void requesterPolicy_allowsInvokeOnExactlyTheFiveRoutes_ofThisApisStage() {
        template.hasResourceProperties(
                "AWS::IAM::ManagedPolicy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Version",
                                "2012-10-17",
                                "Statement",
                                List.of(Map.of(
                                        "Sid", "InvokeEventLogRoutes",
                                        "Effect", "Allow",
                                        "Action", "execute-api:Invoke",
                                        "Resource", TestStacks.routeArns(log.getHttpApi(), TestStacks.ALL_ROUTES))))));
    }

    @Test
    void byDefault_noRequesterUser_andNoCustomDomain() {
        template.resourceCountIs("AWS::IAM::User", 0);
        template.resourceCountIs("AWS::CertificateManager::Certificate", 0);
        template.resourceCountIs("AWS::ApiGatewayV2::DomainName", 0);
        template.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 0);
        template.resourceCountIs("AWS::Route53::RecordSet", 0);
    }

    @Test
    void outputs_nameTheApiUrl_table_andRequesterPolicy() {
        template.hasOutput(
                "ApiUrl",
                Map.of(
                        "Value",
                        Map.of(
                                "Fn::Join",
                                List.of(
                                        "",
                                        List.of(
                                                "https://",
                                                ref(log.getHttpApi()),
                                                ".execute-api.",
                                                Map.of("Ref", "AWS::Region"),
                                                ".",
                                                Map.of("Ref", "AWS::URLSuffix"),
                                                "/")))));
        template.hasOutput("TableName", Map.of("Value", ref(log.getTable())));
        template.hasOutput("RequesterPolicyArn", Map.of("Value", ref(log.getRequesterPolicy())));
        template.hasOutput("OperatorsPolicyArn", Map.of("Value", ref(log.getOperatorsPolicy())));
        assertTrue(template.findOutputs("CustomDomainUrl").isEmpty());
        assertTrue(template.findOutputs("RequesterUserName").isEmpty());
    }

    @Test
    void synthesis_leavesNoWarningOrError() {
        Annotations annotations = Annotations.fromStack(stack);
        annotations.hasNoWarning("*", Match.anyValue());
        annotations.hasNoError("*", Match.anyValue());
    }

    @Test
    void stack_isEnvironmentAgnostic_soSynthesisNeedsNoAccountOrRegion() {
        assertTrue(software.amazon.awscdk.Token.isUnresolved(stack.getAccount()));
        assertTrue(software.amazon.awscdk.Token.isUnresolved(stack.getRegion()));
        assertEquals("EventLog", stack.getStackName());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, java.util.LinkedHashMap.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("access log format is not JSON: " + json, e);
        }
    }
}
