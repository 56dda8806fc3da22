package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static dev.eventlog.core.port.TestEvents.uniqueUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Write shards and items written without an id: where items go, how a day's shards and such items read as one
 * ordered log, and how a table keeps its number of shards.
 */
class DynamoDbWriteShardsTest {

    private static final String TABLE = "events-shards";

    private static DynaliteServer server;
    private static DynamoDbClient client;
    private static DynamoDbEventLog fourShards;

    @BeforeAll
    static void startServer() {
        server = DynaliteServer.start();
        client = server.client();
        DynamoDbEventLog.createTable(client, TABLE);
        fourShards = DynamoDbEventLog.builder()
                .client(client)
                .tableName(TABLE)
                .writeShards(4)
                .build();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void shardOfAnEvent_isTheFirstFourBytesOfItsRangeKeysSha256ModuloN() {
        ShardLayout layout = new ShardLayout(4);
        for (String id : List.of("a", "9ef0ac048c9a4d0d", "client-msg-0001", "~")) {
            EventKey key = EventTime.parse("2024-08-01", "10:00:00.250").withId(id);
            long firstFour = Long.parseLong(sha256Hex("10:00:00.250#" + id).substring(0, 8), 16);
            assertEquals((int) (firstFour % 4), layout.shardOf(key), id);
        }
        assertEquals(
                0,
                new ShardLayout(1)
                        .shardOf(EventTime.parse("2024-08-01", "10:00:00").withId("any")));
    }

    @Test
    void eventsOfADay_spreadOverEveryShardsPartitionKey() {
        LocalDate day = uniqueDay();
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(event(key(day, 10, 0, 0, i)));
        }
        fourShards.appendAll(events.subList(0, 20));
        fourShards.appendAll(events.subList(20, 40));

        Set<String> partitionKeys = new HashSet<>();
        for (EventRecord e : events) {
            int shard = new ShardLayout(4).shardOf(e.key());
            String partitionKey = shard == 0 ? day.toString() : day + "#" + shard;
            assertTrue(
                    rawItem(partitionKey, e.key().timeText() + "#" + e.eventId())
                            .isPresent(),
                    e.toString());
            partitionKeys.add(partitionKey);
        }
        assertEquals(Set.of(day.toString(), day + "#1", day + "#2", day + "#3"), partitionKeys);
        assertEquals(
                sorted(events),
                readAll(fourShards, EventQuery.of(new QueryScope.Day(day)).withLimit(3)));
    }

    @Test
    void scan_presentsShardKeysAsThePlainDateAndSkipsTheStoresOwnItem() {
        LocalDate day = uniqueDay();
        String user = uniqueUser();
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event(key(day, 11, 0, 0, i), user, "scan"));
        }
        fourShards.appendAll(events);

        List<EventRecord> everything =
                readAll(fourShards, EventQuery.of(new QueryScope.AllEvents()).withLimit(5));

        assertEquals(
                Set.copyOf(events),
                Set.copyOf(
                        everything.stream().filter(e -> e.userId().equals(user)).toList()));
        assertTrue(everything.stream().allMatch(e -> e.key().date().getYear() > 1000), "no metadata read as an event");
        assertEquals(everything.size(), new HashSet<>(everything).size(), "nothing twice");
    }

    @Test
    void storeWithAnotherNumberOfShards_refusesNamingBothNumbers() {
        fourShards.append(event(key(uniqueDay(), "01:00:00.000")));
        DynamoDbEventLog two = DynamoDbEventLog.builder()
                .client(client)
                .tableName(TABLE)
                .writeShards(2)
                .build();
        EventRecord anEvent = event(key(uniqueDay(), "01:00:00.000"));
        List<Executable> calls = List.of(
                () -> two.append(anEvent),
                () -> two.appendAll(List.of(anEvent)),
                () -> two.find(anEvent.key()),
                () -> two.query(EventQuery.of(new QueryScope.Day(uniqueDay())), Optional.empty()));

        for (Executable call : calls) {
            StoreConfigurationException error = assertThrows(StoreConfigurationException.class, call);
            assertTrue(
                    error.getMessage().contains("4 write shards")
                            && error.getMessage().contains("configured with 2"),
                    error.getMessage());
        }
        assertEquals(
                Optional.empty(),
                rawItem(anEvent.key().dateText(), anEvent.key().timeText() + "#" + anEvent.eventId()));
    }

    @Test
    void firstWrite_recordsTheNumberOfShards() {
        DynamoDbEventLog.createTable(client, "events-shards-record");
        DynamoDbEventLog three = DynamoDbEventLog.builder()
                .client(client)
                .tableName("events-shards-record")
                .writeShards(3)
                .build();

        three.append(event(key(uniqueDay(), "02:00:00.000")));

        assertEquals(
                "3",
                rawItem("events-shards-record", "#meta", "#meta")
                        .orElseThrow()
                        .get("writeShards")
                        .n());
    }

    @Test
    void legacyAndNewEventsInOneMillisecond_readInKeyOrderOnEveryShardCount() {
        for (int shards : List.of(1, 4)) {
            String table = "events-legacy-" + shards;
            DynamoDbEventLog.createTable(client, table);
            DynamoDbEventLog store = DynamoDbEventLog.builder()
                    .client(client)
                    .tableName(table)
                    .writeShards(shards)
                    .build();
            LocalDate day = TableItems.uniquePastDay();
            TableItems.write(
                    client,
                    table,
                    List.of(
                            TableItems.original(day.toString(), "09:00:00", "old-a", "legacy"),
                            TableItems.original(day.toString(), "09:00:00.000", "old-b", "legacy"),
                            TableItems.original(day.toString(), "09:00:00.001", "old-c", "legacy"),
                            TableItems.original(day.toString(), "08:59:59.999", "old-d", "legacy")));
            EventTime busy = key(day, "09:00:00.000");
            List<EventRecord> legacy = List.of(
                    event(busy, "old-a", "legacy"),
                    event(busy, "old-b", "legacy"),
                    event(key(day, "09:00:00.001"), "old-c", "legacy"),
                    event(key(day, "08:59:59.999"), "old-d", "legacy"));
            List<EventRecord> fresh = new ArrayList<>();
            for (String id : List.of("-", "0", "8", "f", "zz", "~")) {
                fresh.add(event(busy.withId(id), uniqueUser(), "new"));
            }
            for (int i = 0; i < 6; i++) {
                fresh.add(event(busy));
            }
            fresh.forEach(store::append);
            List<EventRecord> all = new ArrayList<>(legacy);
            all.addAll(fresh);
            List<EventRecord> ascending = sorted(all);
            List<EventRecord> descending = new ArrayList<>(ascending);
            Collections.reverse(descending);
            EventQuery dayQuery = EventQuery.of(new QueryScope.Day(day));

            for (int pageSize : List.of(1, 2, 5, 100)) {
                assertEquals(
                        ascending,
                        readAll(store, dayQuery.withLimit(pageSize)),
                        shards + " shards, pages of " + pageSize);
                assertEquals(
                        descending,
                        readAll(store, dayQuery.withLimit(pageSize).withOrder(SortOrder.DESC)),
                        shards + " shards, pages of " + pageSize + ", newest first");
            }
            EventQuery millisecond = EventQuery.of(new QueryScope.Range(busy, busy.nextMillisecond()))
                    .withLimit(3);
            assertEquals(
                    ascending.stream()
                            .filter(e -> e.key().moment().equals(busy))
                            .toList(),
                    readAll(store, millisecond));
            for (EventRecord e : all) {
                assertEquals(Optional.of(e), store.find(e.key()), "found by its identity: " + e);
                assertEquals(AppendOutcome.EXISTING, store.append(e).outcome(), "a replay is recognised: " + e);
            }
            assertEquals(
                    AppendOutcome.CONFLICT,
                    store.append(event(legacy.get(0).key(), "someone-else", "legacy"))
                            .outcome());
            assertEquals(ascending, readAll(store, dayQuery), "nothing was added by the replays");
            assertEquals(
                    Set.copyOf(all),
                    Set.copyOf(readAll(
                                    store,
                                    EventQuery.of(new QueryScope.AllEvents()).withLimit(1))
                            .stream()
                            .filter(e -> e.key().date().equals(day))
                            .toList()));
        }
    }

    @Test
    void fromEnvironment_readsTheNumberOfShards() {
        Map<String, String> env = new HashMap<>(Map.of(
                "TABLE_NAME",
                TABLE,
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                "dynalite",
                "AWS_SECRET_ACCESS_KEY",
                "dynalite",
                "AWS_ENDPOINT_URL",
                server.endpoint().toString()));
        assertEquals(1, DynamoDbEventLog.fromEnvironment(env).writeShards());
        env.put("EVENTLOG_WRITE_SHARDS", "4");
        assertEquals(4, DynamoDbEventLog.fromEnvironment(env).writeShards());
        for (String bad : List.of("0", "65", "four", "-1", "1.5")) {
            env.put("EVENTLOG_WRITE_SHARDS", bad);
            StoreConfigurationException error =
                    assertThrows(StoreConfigurationException.class, () -> DynamoDbEventLog.fromEnvironment(env));
            assertTrue(error.getMessage().contains("EVENTLOG_WRITE_SHARDS"), error.getMessage());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static List<EventRecord> sorted(List<EventRecord> events) {
        return events.stream().sorted(Comparator.comparing(EventRecord::key)).toList();
    }

    private static Optional<Map<String, AttributeValue>> rawItem(String partitionKey, String rangeKey) {
        return rawItem(TABLE, partitionKey, rangeKey);
    }

    private static Optional<Map<String, AttributeValue>> rawItem(String table, String partitionKey, String rangeKey) {
        var response = client.getItem(r -> r.tableName(table)
                .consistentRead(true)
                .key(Map.of("date", AttributeValue.fromS(partitionKey), "time", AttributeValue.fromS(rangeKey))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private static List<EventRecord> readAll(DynamoDbEventLog log, EventQuery query) {
        List<EventRecord> all = new ArrayList<>();
        Optional<EventKey> after = Optional.empty();
        do {
            Page page = log.query(query, after);
            assertTrue(page.items().size() <= query.limit(), "page larger than its limit");
            all.addAll(page.items());
            after = page.resumeAfter();
            assertTrue(all.size() <= 20_000, "pagination did not end");
        } while (after.isPresent());
        return all;
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
