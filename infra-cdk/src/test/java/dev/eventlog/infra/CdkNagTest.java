package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyViolation;
import software.amazon.awscdk.services.iam.PolicyStatement;

class CdkNagTest {

    static Stream<Arguments> configurations() {
        Map<String, Object> everything = new java.util.HashMap<>(TestStacks.customDomain());
        everything.put(AppContext.BILLING_MODE, "provisioned");
        everything.put(AppContext.REQUESTER_USER, "true");
        everything.put(AppContext.DISABLE_EXECUTE_API_ENDPOINT, "true");
        everything.put(AppContext.EVENT_RETENTION_DAYS, "365");
        everything.put(AppContext.WRITE_SHARDS, "4");
        everything.put(AppContext.RESERVED_CONCURRENCY, "20");
        everything.put(AppContext.ALARM_EMAIL, "ops@example.com");
        return Stream.of(
                Arguments.of("default", Map.of()),
                Arguments.of(
                        "every option: provisioned billing, requester user, custom domain only, retention, shards, "
                                + "reserved concurrency and alarm e-mail",
                        everything));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void awsSolutionsAndServerlessPacks_reportNothingUnacknowledged(String name, Map<String, Object> context) {
        // The packs read the construct tree and change nothing, so the default stack the template tests share serves.
        EventLogStack stack = TestStacks.shared(context).stack();
        for (NagPack pack : List.of(new AwsSolutionsChecks(), new ServerlessChecks())) {
            PolicyValidationPluginReport report = pack.validateScope(stack);
            assertEquals(List.of(), describe(report.getViolations()), pack.getReadPackName() + " findings");
            assertTrue(report.getSuccess());
        }
    }

    @Test
    void aWildcardAddedOutsideThePathParameters_isStillReported() {
        EventLogStack stack = TestStacks.stack(Map.of());
        stack.eventLog()
                .getRequesterPolicy()
                .addStatements(PolicyStatement.Builder.create()
                        .actions(List.of("execute-api:Invoke"))
                        .resources(List.of(stack.eventLog().getHttpApi().arnForExecuteApi()))
                        .build());
        List<String> findings =
                describe(new AwsSolutionsChecks().validateScope(stack).getViolations());
        assertEquals(1, findings.size(), String.join("\n", findings));
        assertTrue(findings.get(0).startsWith("AwsSolutions-IAM5[Resource::"), findings.get(0));
        assertTrue(findings.get(0).contains("/*/*/*]"), findings.get(0));
    }

    @Test
    void acknowledgedFindings_eachCarryAReason() {
        EventLogStack stack = TestStacks.shared(Map.of()).stack();
        List<Object> acknowledgments = stack.getNode().findAll().stream()
                .flatMap(c -> c.getNode().getMetadata().stream())
                .filter(m -> software.amazon.awscdk.Validations.ACKNOWLEDGED_RULES_METADATA_KEY.equals(m.getType()))
                .map(m -> m.getData())
                .collect(Collectors.toList());
        assertFalse(acknowledgments.isEmpty());
        for (Object data : acknowledgments) {
            ((Map<?, ?>) data)
                    .forEach((id, reason) -> assertTrue(
                            String.valueOf(reason).length() > 60, "reason for " + id + " is too thin: " + reason));
        }
    }

    private static List<String> describe(List<PolicyViolation> violations) {
        return violations.stream()
                .flatMap(v -> v.getViolatingResources().stream()
                        .map(r -> v.getRuleName() + " at " + r.getConstructPath() + ": " + v.getDescription()))
                .toList();
    }
}
