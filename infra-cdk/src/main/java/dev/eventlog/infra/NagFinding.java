package dev.eventlog.infra;

import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
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
      construct.getNode().addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
          Map.of(ANNOTATION_PREFIX + id, reason));
    } else {
      Validations.of(construct).acknowledge(Acknowledgment.builder().id(id).reason(reason).build());
    }
  }
}
