package dev.eventlog.infra;

import static dev.eventlog.infra.TestStacks.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/** The construct in a user's own stack: two of them side by side, grants to the user's roles, and cdk-nag. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventLogConstructTest {

    private Stack stack;
    private EventLog orders;
    private EventLog payments;
    private Role writer;
    private Role reader;
    private Role operator;
    private IRole importedOperator;
    private Template template;

    @BeforeAll
    void synthesize() {
        stack = new Stack(TestStacks.userApp(), "Service");
        EventLogProps props =
                EventLogProps.builder().lambdaJar(TestStacks.lambdaJar()).build();
        orders = new EventLog(stack, "Orders", props);
        payments = new EventLog(stack, "Payments", props);
        writer = role("Writer");
        reader = role("Reader");
        operator = role("Operator");
        importedOperator = Role.fromRoleName(stack, "OnCall", "on-call");
        orders.grantInvoke(writer);
        orders.grantRead(reader);
        orders.grantOperate(operator);
        orders.grantOperate(importedOperator);
        template = Template.fromStack(stack);
    }

    private Role role(String id) {
        return Role.Builder.create(stack, id)
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
    }

    @Test
    void twoInstancesInOneStack_haveTheirOwnResources_andNoPhysicalNameInCommon() {
        template.resourceCountIs("AWS::DynamoDB::Table", 2);
        template.resourceCountIs("AWS::Lambda::Function", 2);
        template.resourceCountIs("AWS::ApiGatewayV2::Api", 2);
        template.resourceCountIs("AWS::CloudWatch::Alarm", 14);
        assertEquals(14, distinct("AWS::CloudWatch::Alarm", "AlarmName").size());
        assertTrue(distinct("AWS::CloudWatch::Alarm", "AlarmName").contains("Service-Orders-FunctionErrors"));
        assertTrue(distinct("AWS::CloudWatch::Alarm", "AlarmName").contains("Service-Payments-FunctionErrors"));
        assertEquals(2, distinct("AWS::CloudWatch::Dashboard", "DashboardName").size());
        assertEquals(
                java.util.Set.of(
                        json(operatorsPolicyName("Service-Orders")), json(operatorsPolicyName("Service-Payments"))),
                java.util.Set.copyOf(distinct("AWS::IAM::ManagedPolicy", "ManagedPolicyName")));
        template.resourcePropertiesCountIs(
                "AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("Name", "Service-Orders")), 1);
    }

    @Test
    void grantInvoke_allowsExactlyTheFiveRouteArns_ofThisInstancesStage() {
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                TestStacks.invokePolicy(writer, TestStacks.routeArns(orders.getHttpApi(), TestStacks.ALL_ROUTES)));
    }

    @Test
    void grantRead_allowsTheFourGetRoutes_andNotPost() {
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                TestStacks.invokePolicy(reader, TestStacks.routeArns(orders.getHttpApi(), TestStacks.GET_ROUTES)));
        template.resourceCountIs("AWS::IAM::Policy", 2);
    }

    @Test
    void grantOperate_attachesTheOperatorsPolicy_toOwnedAndImportedRoles() {
        template.hasResourceProperties(
                "AWS::IAM::ManagedPolicy",
                Match.objectLike(Map.of(
                        "ManagedPolicyName",
                        operatorsPolicyName("Service-Orders"),
                        "Roles",
                        List.of(ref(operator), "on-call"))));
        template.hasResourceProperties(
                "AWS::IAM::ManagedPolicy",
                Match.objectLike(
                        Map.of("ManagedPolicyName", operatorsPolicyName("Service-Payments"), "Roles", Match.absent())));
    }

    @Test
    void grantOperate_toAPrincipalThatCannotHoldAManagedPolicy_isRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> payments.grantOperate(new AccountRootPrincipal()));
        assertTrue(e.getMessage().contains("needs a role, a user or a group"), e.getMessage());
    }

    @Test
    void awsSolutionsAndServerlessPacks_findNothing_inTheInstancesOrInTheirGrants() {
        for (NagPack pack : List.of(new AwsSolutionsChecks(), new ServerlessChecks())) {
            List<String> findings = pack.validateScope(stack).getViolations().stream()
                    .flatMap(v -> v.getViolatingResources().stream()
                            .map(r -> v.getRuleName() + " at " + r.getConstructPath()))
                    .toList();
            assertEquals(List.of(), findings, pack.getReadPackName());
        }
    }

    @Test
    void theAppsTemplate_isTheConstructsTemplate_plusOnlyTheOutputs() {
        App app = TestStacks.userApp();
        Stack bare = new Stack(app, AppContext.DEFAULT_STACK_NAME);
        new EventLog(
                bare,
                EventLogStack.EVENT_LOG_ID,
                EventLogProps.builder()
                        .name(AppContext.DEFAULT_STACK_NAME)
                        .lambdaJar(TestStacks.lambdaJar())
                        .build());
        Map<String, Object> construct = Template.fromStack(bare).toJSON();
        Map<String, Object> appTemplate = TestStacks.shared(Map.of()).template().toJSON();

        assertEquals(construct.get("Resources"), appTemplate.get("Resources"));
        assertFalse(construct.containsKey("Outputs"));
        assertEquals(
                java.util.Set.of("ApiUrl", "TableName", "RequesterPolicyArn", "OperatorsPolicyArn", "DashboardName"),
                ((Map<?, ?>) appTemplate.get("Outputs")).keySet());
    }

    @Test
    void invalidProps_failBeforeAnyResourceIsMade_listingEveryProblem() {
        Stack other = new Stack(TestStacks.userApp(), "Other");
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> new EventLog(
                        other,
                        "Events",
                        EventLogProps.builder()
                                .lambdaJar(TestStacks.lambdaJar())
                                .memorySize(64)
                                .writeShards(0)
                                .build()));
        assertEquals(
                List.of(
                        "'memorySize' must be between 128 and 10240, got 64",
                        "'writeShards' must be between 1 and 64, got 0"),
                e.problems());
        assertTrue(e.getMessage().startsWith("Invalid EventLog props:"), e.getMessage());
        assertEquals(List.of(), other.getNode().getChildren());
    }

    @Test
    void baseUrl_isTheStagesUrl_withoutACustomDomain() {
        assertEquals(orders.getStage().getUrl(), orders.getBaseUrl());
    }

    private List<Object> distinct(String type, String property) {
        Collection<Map<String, Object>> resources = template.findResources(type).values();
        return resources.stream()
                .map(r -> ((Map<?, ?>) r.get("Properties")).get(property))
                .filter(java.util.Objects::nonNull)
                .map(value -> value instanceof Map<?, ?> ? json(value) : value)
                .distinct()
                .toList();
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> operatorsPolicyName(String name) {
        return Map.of("Fn::Join", List.of("", List.of(name + "Operators-", Map.of("Ref", "AWS::Region"))));
    }
}
