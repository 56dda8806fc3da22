package dev.eventlog.infra;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisionedBillingTemplateTest {

    private Template originalCapacity;
    private Template chosenCapacity;

    @BeforeAll
    void synthesize() {
        originalCapacity = Template.fromStack(TestStacks.stack(Map.of(EventLogConfig.BILLING_MODE, "provisioned")));
        chosenCapacity = Template.fromStack(TestStacks.stack(Map.of(
                EventLogConfig.BILLING_MODE, "provisioned",
                EventLogConfig.READ_CAPACITY, "5",
                EventLogConfig.WRITE_CAPACITY, 3)));
    }

    @Test
    void provisionedWithoutCapacities_usesOneReadAndOneWriteUnit_asTheOriginal() {
        originalCapacity.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        // CloudFormation's default billing mode is provisioned, so the CDK leaves the property out.
                        "BillingMode", Match.absent(),
                        "ProvisionedThroughput", Map.of("ReadCapacityUnits", 1, "WriteCapacityUnits", 1))));
    }

    @Test
    void provisionedWithCapacities_usesThem() {
        chosenCapacity.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "BillingMode", Match.absent(),
                        "ProvisionedThroughput", Map.of("ReadCapacityUnits", 5, "WriteCapacityUnits", 3))));
    }

    @Test
    void provisionedTable_keepsItsKey_recovery_protection_andRetention() {
        chosenCapacity.hasResource(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "Properties",
                        Match.objectLike(Map.of(
                                "KeySchema",
                                        java.util.List.of(
                                                Map.of("AttributeName", "date", "KeyType", "HASH"),
                                                Map.of("AttributeName", "time", "KeyType", "RANGE")),
                                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                                "DeletionProtectionEnabled", true)))));
    }
}
