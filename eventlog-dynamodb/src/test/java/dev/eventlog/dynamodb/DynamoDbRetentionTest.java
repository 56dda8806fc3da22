package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.port.EventLogRetentionContract;
import dev.eventlog.core.port.SettableClock;
import dev.eventlog.core.retention.RetentionPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB store honours the retention contract on dynalite, which has no time to live at all: every expired
 * item is still there, so this is the case of TTL deleting late, at its most extreme. Also checks what TTL reads.
 */
class DynamoDbRetentionTest extends EventLogRetentionContract {

    private static final String TABLE = "events-retention";
    private static DynaliteServer server;

    @BeforeAll
    static void startServer() {
        server = DynaliteServer.start();
        // Dynalite has no UpdateTimeToLive: creating a table with a period must still succeed there.
        DynamoDbEventLog.createTable(
                server.client(), TABLE, RetentionPolicy.days(30, new SettableClock(java.time.Instant.EPOCH)));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected EventLogPort createPort(RetentionPolicy retention) {
        return DynamoDbEventLog.builder()
                .client(server.client())
                .tableName(TABLE)
                .retention(retention)
                .build();
    }

    @Test
    void withAPeriod_eachItemCarriesExpiresAt_inEpochSeconds() {
        EventRecord event = event(key(uniqueDay(), "10:00:00.500"));
        SettableClock clock = new SettableClock(event.key().instant());
        RetentionPolicy retention = RetentionPolicy.days(30, clock);
        createPort(retention).append(event);

        Map<String, AttributeValue> item = storedItem(event);

        assertEquals(
                AttributeValue.fromN(Long.toString(event.key().instant().getEpochSecond() + 30L * 86_400)),
                item.get(ItemExpiry.EXPIRES_AT));
    }

    @Test
    void withoutAPeriod_noItemCarriesExpiresAt() {
        EventRecord event = event(key(uniqueDay(), "10:00:00.000"));
        createPort(RetentionPolicy.keepForever()).append(event);

        Map<String, AttributeValue> item = storedItem(event);
        assertEquals(event.userId(), item.get(EventItem.USER_ID).s(), "the item was stored");
        assertFalse(item.containsKey(ItemExpiry.EXPIRES_AT));
    }

    @Test
    void expiredItem_isHiddenThoughStillInTheTable() {
        EventRecord event = event(key(uniqueDay(), "10:00:00.000"));
        SettableClock clock = new SettableClock(event.key().instant());
        EventLogPort port = createPort(RetentionPolicy.days(1, clock));
        port.append(event);

        clock.advance(java.time.Duration.ofDays(2));

        assertEquals(Optional.empty(), port.find(event.key()));
        assertTrue(!storedItem(event).isEmpty());
    }

    @Test
    void createTableWithAPeriod_onAnExistingTable_isFine() {
        // dynalite has no UpdateTimeToLive: the table is kept as it is, with nothing it lacks.
        assertEquals(
                List.of(),
                DynamoDbEventLog.createTable(
                        server.client(), TABLE, RetentionPolicy.days(1, new SettableClock(java.time.Instant.EPOCH))));
    }

    private static Map<String, AttributeValue> storedItem(EventRecord event) {
        return server.client()
                .getItem(r -> r.tableName(TABLE)
                        .key(EventItem.key(event.key(), new ShardLayout(1)))
                        .consistentRead(true))
                .item();
    }
}
