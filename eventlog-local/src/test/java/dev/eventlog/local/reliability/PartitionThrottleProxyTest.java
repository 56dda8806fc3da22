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
            assertEquals(
                    3,
                    client.query(q -> q.tableName(TABLE)
                                    .keyConditionExpression("#d = :d")
                                    .expressionAttributeNames(Map.of("#d", "date"))
                                    .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("2024-06-01"))))
                            .count(),
                    "reads pass, throttled writes never landed");

            now.addAndGet(1_000);
            put(client, TABLE, "2024-06-01", 3);

            assertEquals(2, proxy.throttled());
            assertEquals(6, proxy.admitted());
            assertEquals(Map.of(TABLE + "/2024-06-01", 2L), proxy.throttledByKey());
            assertTrue(proxy.passedThrough() >= 1, "the query was counted as passed through");
        }
    }

    @Test
    void countedByEventTime_aWriteCountsInTheSecondOfItsOwnTime() throws Exception {
        try (PartitionThrottleProxy proxy = PartitionThrottleProxy.start(
                        dynalite.endpoint(), 2, PartitionThrottleProxy.Seconds.EVENT_TIME);
                DynamoDbClient client = noRetries(proxy)) {
            // put() gives item n the time 10:00:00.00n, all in one second of event time.
            put(client, TABLE, "2024-06-02", 0);
            put(client, TABLE, "2024-06-02", 1);
            assertThrows(ProvisionedThroughputExceededException.class, () -> put(client, TABLE, "2024-06-02", 2));
            put(client, TABLE, "2024-06-02", 1); // the same item again, as after a timeout: admitted, not counted
            client.putItem(p -> p.tableName(TABLE)
                    .item(Map.of(
                            "date",
                            AttributeValue.fromS("2024-06-02"),
                            "time",
                            AttributeValue.fromS("10:00:01.000#next"))));
            assertEquals(1, proxy.throttled());
        }
    }

    @Test
    void theLimitCountsAdmittedWritesPerWholeSecond() {
        PartitionWriteLimit limit = new PartitionWriteLimit(2);
        assertTrue(limit.admit("k", 5));
        assertTrue(limit.admit("k", 5));
        assertEquals(false, limit.admit("k", 5));
        assertEquals(false, limit.admit("k", 5), "a refused write uses nothing up, but the second stays full");
        assertTrue(limit.admit("other", 5));
        assertTrue(limit.admit("k", 6));
        assertEquals(false, limit.admit("k", 5), "a later second does not reopen an earlier one");
    }

    private static void put(DynamoDbClient client, String table, String partition, int n) {
        client.putItem(p -> p.tableName(table)
                .item(Map.of(
                        "date", AttributeValue.fromS(partition),
                        "time", AttributeValue.fromS(String.format("10:00:00.%03d#n%d", n, n)))));
    }

    private static DynamoDbClient noRetries(PartitionThrottleProxy proxy) {
        return DynamoDbClient.builder()
                .endpointOverride(proxy.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("throttle", "throttle")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }
}
