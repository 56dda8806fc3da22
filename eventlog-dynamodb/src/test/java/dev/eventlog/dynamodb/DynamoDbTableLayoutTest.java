package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventIds;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a table records about itself and what that spares: a write is one {@code PutItem} wherever no item written
 * without an id can hold its identity; the shard of an event hashes its time and id, so events of the same content
 * spread; a table written with another number of shards or another layout is refused, at start too.
 */
class DynamoDbTableLayoutTest {

    private static DynaliteServer server;
    private static DynamoDbClient counting;
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        server = DynaliteServer.start();
        counting = server.clientWith(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                String operation = context.request().getClass().getSimpleName().replace("Request", "");
                CALLS.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
            }
        });
    }

    @AfterAll
    static void stop() {
        counting.close();
        server.close();
    }

    @BeforeEach
    void resetCounts() {
        CALLS.clear();
    }

    private static Map<String, Integer> calls() {
        Map<String, Integer> counted = new java.util.TreeMap<>();
        CALLS.forEach((operation, count) -> counted.put(operation, count.get()));
        return counted;
    }

    private static DynamoDbEventLog store(String table, int shards, LocalDate firstWriteDay) {
        return DynamoDbEventLog.builder()
                .client(counting)
                .tableName(table)
                .writeShards(shards)
                .clock(Clock.fixed(firstWriteDay.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                .build();
    }

    private static Map<String, AttributeValue> metadataItem(String table) {
        return server.client()
                .getItem(r ->
                        r.tableName(table).key(EventItem.key(TableMetadata.PARTITION_KEY, TableMetadata.RANGE_KEY)))
                .item();
    }

    @Test
    void freshTable_everyWriteIsOnePutItem_forEachKindOfIdentity() {
        DynamoDbEventLog.createTable(server.client(), "layout-fresh");
        DynamoDbEventLog store = store("layout-fresh", 1, LocalDate.of(2026, 1, 1));
        LocalDate day = uniqueDay();
        store.append(event(key(day, "00:00:00.000")));
        assertEquals(
                TableMetadata.NO_ITEMS_WITHOUT_ID,
                metadataItem("layout-fresh").get(TableMetadata.WITHOUT_ID_UNTIL).s(),
                "an empty table holds no item without an id");
        CALLS.clear();

        for (int i = 0; i < 20; i++) {
            EventTime at = key(day, 1, 0, i, 0);
            store.append(event(at, "derived-" + i, "view"));
            store.append(event(at.withId("given-" + i), "given", "view"));
            store.append(event(at.withId(EventIds.random()), "stamped", "view"));
        }

        assertEquals(Map.of("PutItem", 60), calls());
    }

    @Test
    void originalTable_looksForItemsWithoutIdOnlyUpToTheDayTheStoreFirstWroteIt() {
        String table = "layout-original";
        DynamoDbEventLog.createTable(server.client(), table);
        LocalDate old = TableItems.uniquePastDay();
        TableItems.write(
                server.client(), table, List.of(TableItems.original(old.toString(), "10:00:00", "u10", "login")));
        LocalDate firstWrite = old.plusDays(30);
        DynamoDbEventLog store = store(table, 1, firstWrite);
        EventRecord original = event(key(old, "10:00:00.000"), "u10", "login");

        assertEquals(AppendOutcome.EXISTING, store.append(original).outcome(), "a replay of the original's item");
        assertEquals(
                firstWrite.toString(),
                metadataItem(table).get(TableMetadata.WITHOUT_ID_UNTIL).s());
        CALLS.clear();
        store.append(event(key(firstWrite, "09:00:00.000"), "u10", "login"));
        assertEquals(Map.of("PutItem", 1, "Query", 1), calls(), "up to that day: one look, one write");
        CALLS.clear();
        store.append(event(key(firstWrite.plusDays(1), "09:00:00.000"), "u10", "login"));
        store.append(event(key(uniqueDay(), "09:00:00.000"), "u10", "login"));
        assertEquals(Map.of("PutItem", 2), calls(), "after it: one write each");
        assertEquals(Optional.of(original), store.find(original.key()));
        assertEquals(
                List.of(original),
                store.query(EventQuery.of(new QueryScope.Day(old)), Optional.empty())
                        .items());
    }

    @Test
    void earlierVersionsRecord_gainsTheLayoutAndTheDay_onTheFirstWrite() {
        String table = "layout-earlier";
        DynamoDbEventLog.createTable(server.client(), table);
        server.client()
                .putItem(r -> r.tableName(table)
                        .item(Map.of(
                                EventItem.DATE, AttributeValue.fromS(TableMetadata.PARTITION_KEY),
                                EventItem.TIME, AttributeValue.fromS(TableMetadata.RANGE_KEY),
                                TableMetadata.WRITE_SHARDS, AttributeValue.fromN("1"))));
        LocalDate firstWrite = LocalDate.of(2026, 3, 4);

        store(table, 1, firstWrite).append(event(key(uniqueDay(), "10:00:00.000")));

        Map<String, AttributeValue> item = metadataItem(table);
        assertEquals("1", item.get(TableMetadata.WRITE_SHARDS).n());
        assertEquals(
                Integer.toString(ShardLayout.VERSION),
                item.get(TableMetadata.LAYOUT).n());
        assertEquals(
                firstWrite.toString(), item.get(TableMetadata.WITHOUT_ID_UNTIL).s());
    }

    @Test
    void tableShardedByTheEarlierLayout_isRefusedNamingBothLayouts() {
        String table = "layout-v1";
        DynamoDbEventLog.createTable(server.client(), table);
        server.client()
                .putItem(r -> r.tableName(table)
                        .item(Map.of(
                                EventItem.DATE, AttributeValue.fromS(TableMetadata.PARTITION_KEY),
                                EventItem.TIME, AttributeValue.fromS(TableMetadata.RANGE_KEY),
                                TableMetadata.WRITE_SHARDS, AttributeValue.fromN("4"))));
        DynamoDbEventLog store = store(table, 4, LocalDate.of(2026, 3, 4));

        StoreConfigurationException refused = assertThrows(StoreConfigurationException.class, store::checkLayout);
        assertTrue(refused.getMessage().contains("layout 1"), refused.getMessage());
        assertTrue(refused.getMessage().contains("layout 2"), refused.getMessage());
        assertThrows(StoreConfigurationException.class, () -> store.append(event(key(uniqueDay(), "10:00:00.000"))));
        assertThrows(
                StoreConfigurationException.class,
                () -> store.query(EventQuery.of(new QueryScope.Day(uniqueDay())), Optional.empty()));
    }

    @Test
    void checkLayout_refusesAnotherNumberOfShards_beforeAnyRead() {
        String table = "layout-count";
        DynamoDbEventLog.createTable(server.client(), table);
        store(table, 4, LocalDate.of(2026, 3, 4)).append(event(key(uniqueDay(), "10:00:00.000")));

        StoreConfigurationException refused = assertThrows(
                StoreConfigurationException.class,
                () -> store(table, 1, LocalDate.of(2026, 3, 4)).checkLayout());
        assertTrue(refused.getMessage().contains("first written with 4 write shards"), refused.getMessage());
    }

    @Test
    void eventsOfTheSameContent_spreadOverEveryShard() {
        String table = "layout-same-content";
        DynamoDbEventLog.createTable(server.client(), table);
        DynamoDbEventLog store = store(table, 4, LocalDate.of(2026, 3, 4));
        LocalDate day = uniqueDay();
        List<EventRecord> heartbeats = new ArrayList<>();
        for (int second = 0; second < 20; second++) {
            heartbeats.add(event(key(day, 3, 0, second, 0), "poller", "heartbeat", Map.of("host", "a")));
        }
        store.appendAll(heartbeats);

        Set<String> partitions = new HashSet<>();
        for (EventRecord heartbeat : heartbeats) {
            partitions.add(new ShardLayout(4).partitionKeyOf(heartbeat.key()));
        }
        assertEquals(Set.of(day.toString(), day + "#1", day + "#2", day + "#3"), partitions);
        assertEquals(1, heartbeats.stream().map(EventRecord::eventId).distinct().count(), "one content, one id");
        assertEquals(
                heartbeats,
                dev.eventlog.core.port.TestEvents.readAll(
                        store, EventQuery.of(new QueryScope.Day(day)).withLimit(3)));
    }
}
