package dev.eventlog.infra;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisionedBillingTemplateTest {

    private Template chosenCapacity;

    @BeforeAll
    void synthesize() {
        // Without capacities the table gets one unit each, as the original did (EventLogSettingsTest).
        chosenCapacity = Template.fromStack(TestStacks.stack(Map.of(
                AppContext.BILLING_MODE, "provisioned",
                AppContext.READ_CAPACITY, "5",
                AppContext.WRITE_CAPACITY, 3)));
    }

    @Test
    void provisionedWithCapacities_usesThem_onTheTableAndItsUserIndex() {
        chosenCapacity.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        // CloudFormation's default billing mode is provisioned, so the CDK leaves the property out.
                        "BillingMode", Match.absent(),
                        "ProvisionedThroughput", Map.of("ReadCapacityUnits", 5, "WriteCapacityUnits", 3),
                        "GlobalSecondaryIndexes",
                                java.util.List.of(Match.objectLike(Map.of(
                                        "ProvisionedThroughput",
                                        Map.of("ReadCapacityUnits", 5, "WriteCapacityUnits", 3)))))));
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
