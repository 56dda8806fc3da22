package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * The partition-limit model on its own, on a clock the test moves: an SDK client without retries sees DynamoDB's
 * exception for each write over the limit, and the limit is per key, per table and per second; reads pass.
 */
class PartitionThrottleProxyTest {

    private static final String TABLE = "throttle-model";
    private static DynaliteServer dynalite;

    @BeforeAll
    static void startStore() {
        dynalite = DynaliteServer.start();
        DynamoDbEventLog.createTable(dynalite.client(), TABLE);
        DynamoDbEventLog.createTable(dynalite.client(), TABLE + "-other");
    }

    @AfterAll
    static void stopStore() {
        dynalite.close();
    }

    @Test
    void writesOverTheLimitOfOneKeyInOneSecond_getTheServicesThrottlingException() throws Exception {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        try (PartitionThrottleProxy proxy = PartitionThrottleProxy.start(dynalite.endpoint(), 3, now::get);
             DynamoDbClient client = noRetries(proxy)) {
            for (int i = 0; i < 3; i++) {
                put(client, TABLE, "2024-06-01", i);
            }
            assertThrows(ProvisionedThroughputExceededException.class, () -> put(client, TABLE, "2024-06-01", 3));
            assertThrows(ProvisionedThroughputExceededException.class, () -> put(client, TABLE, "2024-06-01", 4));

            put(client, TABLE, "2024-06-01#1", 0);
            put(client, TABLE + "-other", "2024-06-01", 0);
            assertEquals(3, client.query(q -> q.tableName(TABLE).keyConditionExpression("#d = :d")
                    .expressionAttributeNames(Map.of("#d", "date"))
                    .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("2024-06-01")))).count(), "reads pass, throttled writes never landed");

            now.addAndGet(1_000);
            put(client, TABLE, "2024-06-01", 3);

            assertEquals(2, proxy.throttled());
            assertEquals(6, proxy.admitted());
            assertEquals(Map.of(TABLE + "/2024-06-01", 2L), proxy.throttledByKey());
            assertTrue(proxy.passedThrough() >= 1, "the query was counted as passed through");
        }
    }

    @Test
    void theLimitCountsAdmittedWritesPerWholeSecond() {
        PartitionWriteLimit limit = new PartitionWriteLimit(2);
        assertTrue(limit.admit("k", 5_000));
        assertTrue(limit.admit("k", 5_999));
        assertEquals(false, limit.admit("k", 5_999));
        assertEquals(false, limit.admit("k", 5_500), "a refused write does not use up the second, but the second is full");
        assertTrue(limit.admit("other", 5_999));
        assertTrue(limit.admit("k", 6_000));
    }

    private static void put(DynamoDbClient client, String table, String partition, int n) {
        client.putItem(p -> p.tableName(table).item(Map.of(
                "date", AttributeValue.fromS(partition),
                "time", AttributeValue.fromS(String.format("10:00:00.%03d#n%d", n, n)))));
    }

    private static DynamoDbClient noRetries(PartitionThrottleProxy proxy) {
        return DynamoDbClient.builder()
                .endpointOverride(proxy.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("throttle", "throttle")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }
}
