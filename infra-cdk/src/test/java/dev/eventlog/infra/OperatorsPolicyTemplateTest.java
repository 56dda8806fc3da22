package dev.eventlog.infra;

import static dev.eventlog.infra.TestStacks.arn;
import static dev.eventlog.infra.TestStacks.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The operators' policy holds what erasing, exporting, importing and backfilling need; the function never does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorsPolicyTemplateTest {

    private EventLog log;
    private Template template;

    @BeforeAll
    void synthesize() {
        TestStacks.Synthesized synthesized = TestStacks.shared(Map.of());
        log = synthesized.eventLog();
        template = synthesized.template();
    }

    @Test
    void operatorsPolicy_isNamedAfterTheDeployment_andHoldsExactlyTheOperatorActions_onThisTableAndItsUserIndex() {
        template.hasResourceProperties(
                "AWS::IAM::ManagedPolicy",
                Map.of(
                        "ManagedPolicyName",
                        Map.of("Fn::Join", List.of("", List.of("EventLogOperators-", Map.of("Ref", "AWS::Region")))),
                        "Description",
                        "Lets operators erase a user's events, export, import and backfill the EventLog table",
                        "Path",
                        "/",
                        "PolicyDocument",
                        Map.of(
                                "Version",
                                "2012-10-17",
                                "Statement",
                                List.of(
                                        Map.of(
                                                "Sid",
                                                "OperateOnEvents",
                                                "Effect",
                                                "Allow",
                                                "Action",
                                                List.of(
                                                        "dynamodb:BatchWriteItem",
                                                        "dynamodb:DeleteItem",
                                                        "dynamodb:DescribeTable",
                                                        "dynamodb:GetItem",
                                                        "dynamodb:PutItem",
                                                        "dynamodb:Query",
                                                        "dynamodb:Scan",
                                                        "dynamodb:UpdateItem"),
                                                "Resource",
                                                arn(log.getTable())),
                                        Map.of(
                                                "Sid", "FindUsersEvents",
                                                "Effect", "Allow",
                                                "Action", "dynamodb:Query",
                                                "Resource", TestStacks.userIndexArn(log.getTable()))))));
        template.hasOutput(
                "OperatorsPolicyArn", Map.of("Description", Match.anyValue(), "Value", ref(log.getOperatorsPolicy())));
    }

    @Test
    void operatorsPolicy_isAttachedToNothing_notEvenTheFunctionsRole() {
        template.allResourcesProperties("AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.absent()));
        template.resourceCountIs("AWS::IAM::User", 0);
        template.resourceCountIs("AWS::IAM::Group", 0);
    }

    @Test
    void functionRole_canNeitherDeleteNorRewriteAnEvent() {
        List<String> actions = new ArrayList<>();
        Object role =
                template.findResources("AWS::IAM::Role").values().iterator().next();
        collectActions(role, actions);
        assertFalse(actions.isEmpty());
        for (String action : actions) {
            assertFalse(action.matches("dynamodb:(Delete.*|BatchWrite.*|Update.*|PartiQL.*|.*\\*.*)"), action);
        }
        assertEquals(
                java.util.Set.of(
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:Query",
                        "dynamodb:Scan",
                        "logs:CreateLogStream",
                        "logs:PutLogEvents",
                        "xray:PutTelemetryRecords",
                        "xray:PutTraceSegments"),
                java.util.Set.copyOf(actions));
    }

    private static void collectActions(Object node, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Action".equals(key) && !(value instanceof Map<?, ?>)) {
                    (value instanceof List<?> list ? list : List.of(value))
                            .forEach(action -> found.add(String.valueOf(action)));
                } else if (!"AssumeRolePolicyDocument".equals(key)) {
                    collectActions(value, found);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectActions(item, found));
        }
    }
}
