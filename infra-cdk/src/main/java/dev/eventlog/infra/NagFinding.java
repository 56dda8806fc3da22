package dev.eventlog.infra;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/** Acknowledges one cdk-nag finding on the one construct it concerns, always with the reason it is accepted. */
final class NagFinding {

    private static final String ANNOTATION_PREFIX = "annotation::";

    private NagFinding() {}

    /**
     * Acknowledges a rule ({@code AwsSolutions-L1}) or a single finding of a granular rule
     * ({@code AwsSolutions-IAM5[Resource::arn:...]}).
     */
    static void acknowledge(IConstruct construct, String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an acknowledged finding needs a reason: " + id);
        }
        if (id.contains("::")) {
            // Validations.acknowledge rejects '::' inside an id, yet cdk-nag names granular findings with it; the
            // acknowledgment is recorded in the same construct metadata that Validations writes and cdk-nag reads.
            construct
                    .getNode()
                    .addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, Map.of(ANNOTATION_PREFIX + id, reason));
        } else {
            Validations.of(construct)
                    .acknowledge(Acknowledgment.builder().id(id).reason(reason).build());
        }
    }

    /**
     * Acknowledges the finding a granular rule raises for one resource ARN of an IAM statement, named the way cdk-nag
     * names it: references flattened to {@code <LogicalId>}, {@code <LogicalId.Attribute>} and {@code <AWS::Region>}.
     */
    static void acknowledgeResource(IConstruct construct, String rule, String resourceArn, String reason) {
        String resource = flatten(Stack.of(construct).resolve(resourceArn));
        acknowledge(construct, rule + "[Resource::" + resource + "]", reason);
    }

    private static String flatten(Object node) {
        if (node == null) {
            return "";
        }
        if (node instanceof String text) {
            return text.replace("${", "<").replace("}", ">");
        }
        if (node instanceof Map<?, ?> map) {
            if (map.get("Fn::Join") instanceof List<?> join
                    && join.size() == 2
                    && join.get(1) instanceof List<?> items) {
                return items.stream().map(NagFinding::flatten).collect(Collectors.joining(String.valueOf(join.get(0))));
            }
            if (map.containsKey("Fn::Sub")) {
                return flatten(map.get("Fn::Sub"));
            }
            if (map.get("Fn::GetAtt") instanceof List<?> getAtt && getAtt.size() == 2) {
                return "<" + flatten(getAtt.get(0)) + "." + flatten(getAtt.get(1)) + ">";
            }
            if (map.containsKey("Fn::ImportValue")) {
                return flatten(map.get("Fn::ImportValue"));
            }
            if (map.containsKey("Ref")) {
                return "<" + flatten(map.get("Ref")) + ">";
            }
        }
        throw new IllegalArgumentException("cannot name a cdk-nag finding for " + node);
    }
}
