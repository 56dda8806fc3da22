package dev.eventlog.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/** Where the alarms send their state changes: an encrypted, TLS-only SNS topic with one e-mail subscription. */
final class AlarmTopic extends Construct {

    static final String CLOUDWATCH = "cloudwatch.amazonaws.com";

    private final Key key;
    private final Topic topic;

    AlarmTopic(Construct scope, String id, String email) {
        super(scope, id);
        // A key of our own, not SNS's AWS managed key: CloudWatch may only publish to an encrypted topic when the key's
        // policy lets it use the key, and the policy of an AWS managed key cannot be changed.
        this.key = Key.Builder.create(this, "Key")
                .description("Encrypts the EventLog alarm notifications")
                .enableKeyRotation(true)
                // Holds no data at rest beyond messages in flight, so nothing is lost with the stack.
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AlarmsOfThisAccountEncryptNotifications")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(sourceAccount())
                .build());

        this.topic = Topic.Builder.create(this, "Topic")
                .displayName("EventLog alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        // Any topic policy replaces SNS's default one, so CloudWatch's right to publish is stated here.
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AlarmsOfThisAccountPublish")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(sourceAccount())
                .build());
        Subscription subscription = topic.addSubscription(new EmailSubscription(email));
        NagFinding.acknowledge(
                subscription,
                "Serverless-SNSRedrivePolicy",
                "A notification that cannot be mailed loses nothing: the alarm's state and history stay in CloudWatch and on "
                        + "the dashboard, and a dead-letter queue that nobody reads would wake nobody either.");
    }

    public Key key() {
        return key;
    }

    public Topic topic() {
        return topic;
    }

    // Only alarms of this account may use the service principal's grant (the confused-deputy guard).
    private static Map<String, Object> sourceAccount() {
        return Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID));
    }
}
