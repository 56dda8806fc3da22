package dev.eventlog.infra;

import static dev.eventlog.infra.TestStacks.arn;
import static dev.eventlog.infra.TestStacks.ref;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** With an alarm e-mail: an encrypted, TLS-only topic that CloudWatch may publish to, wired to every alarm. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmTopicTemplateTest {

    private static final String EMAIL = "ops@example.com";
    private static final Map<String, Object> THIS_ACCOUNT =
            Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")));

    private EventLogStack stack;
    private Template template;

    @BeforeAll
    void synthesize() {
        stack = TestStacks.stack(Map.of(AppContext.ALARM_EMAIL, EMAIL));
        template = Template.fromStack(stack);
    }

    private AlarmTopic topic() {
        return stack.eventLog().alarms().topic().orElseThrow();
    }

    @Test
    void topic_isEncryptedWithItsOwnRotatingKey_andSubscribesTheEmail() {
        template.resourceCountIs("AWS::SNS::Topic", 1);
        template.hasResourceProperties(
                "AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId", arn(topic().key()))));
        template.resourceCountIs("AWS::KMS::Key", 1);
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
        template.resourceCountIs("AWS::SNS::Subscription", 1);
        template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of("Protocol", "email", "Endpoint", EMAIL, "TopicArn", ref(topic().topic())));
        template.hasOutput("AlarmTopicArn", Map.of("Description", Match.anyValue(), "Value", ref(topic().topic())));
    }

    @Test
    void keyPolicy_letsCloudWatchOfThisAccountEncryptNotifications() {
        Map<String, Object> grant = Map.of(
                "Sid",
                "AlarmsOfThisAccountEncryptNotifications",
                "Effect",
                "Allow",
                "Principal",
                Map.of("Service", "cloudwatch.amazonaws.com"),
                "Action",
                List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                "Resource",
                "*",
                "Condition",
                THIS_ACCOUNT);
        template.hasResourceProperties(
                "AWS::KMS::Key",
                Match.objectLike(
                        Map.of("KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(grant)))))));
    }

    @Test
    void topicPolicy_refusesPlainHttp_andLetsCloudWatchOfThisAccountPublish() {
        Map<String, Object> publish = Map.of(
                "Sid",
                "AlarmsOfThisAccountPublish",
                "Effect",
                "Allow",
                "Principal",
                Map.of("Service", "cloudwatch.amazonaws.com"),
                "Action",
                "sns:Publish",
                "Resource",
                ref(topic().topic()),
                "Condition",
                THIS_ACCOUNT);
        Object tlsOnly = Match.objectLike(Map.of(
                "Effect", "Deny",
                "Action", "sns:Publish",
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
        template.resourceCountIs("AWS::SNS::TopicPolicy", 1);
        template.hasResourceProperties(
                "AWS::SNS::TopicPolicy",
                Match.objectLike(Map.of(
                        "Topics", List.of(ref(topic().topic())),
                        "PolicyDocument",
                                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(tlsOnly, publish)))))));
    }

    @Test
    void everyAlarm_notifiesTheTopic_whenItFiresAndWhenItClears() {
        template.resourceCountIs("AWS::CloudWatch::Alarm", 7);
        template.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmActions", List.of(ref(topic().topic())),
                        "OKActions", List.of(ref(topic().topic())))),
                7);
    }
}
