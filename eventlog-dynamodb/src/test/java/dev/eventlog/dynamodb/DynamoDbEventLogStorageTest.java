package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static dev.eventlog.core.port.TestEvents.uniqueUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventIds;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** What the DynamoDB store does beyond the port contract: the table's item shape, DynamoDB's limits, set-up errors. */
class DynamoDbEventLogStorageTest {

    private static final String TABLE = "events-storage";
    private static final String LARGE_TABLE = "events-large";

    private static DynaliteServer server;
    private static DynamoDbClient client;
    private static DynamoDbEventLog store;

    @BeforeAll
    static void startServer() {
        server = DynaliteServer.start();
        client = server.client();
        DynamoDbEventLog.createTable(client, TABLE);
        // The original system wrote this table before the store: its first write records that items without an id
        // may lie on any day up to today.
        TableItems.write(
                client,
                TABLE,
                List.of(TableItems.original(TableItems.uniquePastDay().toString(), "00:00:00", "o", "x")));
        store = DynamoDbEventLog.builder().client(client).tableName(TABLE).build();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    // ---- the original system's items ------------------------------------------------------------------

    @Test
    void itemsInTheOriginalSystemsShape_areReadBackAsEvents() {
        LocalDate day = TableItems.uniquePastDay();
        TableItems.write(
                client,
                TABLE,
                List.of(
                        TableItems.original(day.toString(), "14:19:00.000", "EX8C9MRZfhL", "test"),
                        TableItems.original(day.toString(), "14:20:30.250", "EX8C9MRZfhL", "login")));
        EventRecord first = event(key(day, "14:19:00.000"), "EX8C9MRZfhL", "test");
        EventRecord second = event(key(day, "14:20:30.250"), "EX8C9MRZfhL", "login");

        assertEquals(Optional.of(first), store.find(first.key()));
        assertEquals(
                List.of(first, second),
                store.query(EventQuery.of(new QueryScope.Day(day)), Optional.empty())
                        .items());
        assertEquals(AppendOutcome.EXISTING, store.append(first).outcome());
        assertEquals(
                AppendOutcome.CONFLICT,
                store.append(event(first.key(), "someone-else", "test")).outcome());
    }

    @Test
    void originalTimesWithoutMilliseconds_areFoundPagedAndNeverShadowed() {
        LocalDate day = TableItems.uniquePastDay();
        TableItems.write(
                client,
                TABLE,
                List.of(
                        TableItems.original(day.toString(), "09:00:00", "a", "legacy"),
                        TableItems.original(day.toString(), "09:00:00.500", "b", "legacy"),
                        TableItems.original(day.toString(), "09:00:01", "c", "legacy")));
        EventRecord a = event(key(day, "09:00:00.000"), "a", "legacy");
        EventRecord b = event(key(day, "09:00:00.500"), "b", "legacy");
        EventRecord c = event(key(day, "09:00:01.000"), "c", "legacy");
        EventQuery dayQuery = EventQuery.of(new QueryScope.Day(day)).withLimit(1);

        assertEquals(Optional.of(a), store.find(a.key()));
        assertEquals(List.of(a, b, c), readAll(dayQuery));
        assertEquals(List.of(c, b, a), readAll(dayQuery.withOrder(SortOrder.DESC)));
        QueryScope fromA = new QueryScope.Range(a.key().moment(), c.key().moment());
        assertEquals(List.of(a, b), readAll(EventQuery.of(fromA)));
        assertEquals(
                List.of(b, a),
                readAll(EventQuery.of(fromA).withOrder(SortOrder.DESC).withLimit(1)));

        assertEquals(AppendOutcome.EXISTING, store.append(a).outcome());
        assertEquals(
                AppendOutcome.CONFLICT,
                store.append(event(a.key(), "intruder", "legacy")).outcome());
        assertTrue(
                rawItem(day.toString(), "09:00:00.000#" + a.eventId()).isEmpty(),
                "no second item for the same identity");
    }

    @Test
    void itemsThatAreNotValidEvents_areLeftOutOfPages() {
        LocalDate day = uniqueDay();
        Map<String, AttributeValue> noUser = TableItems.original(day.toString(), "10:00:00.000", "x", "broken");
        noUser.remove("userId");
        Map<String, AttributeValue> numericAttributes =
                TableItems.original(day.toString(), "10:00:01.000", "x", "broken");
        numericAttributes.put("attributes", AttributeValue.fromM(Map.of("n", AttributeValue.fromN("1"))));
        TableItems.write(
                client,
                TABLE,
                List.of(
                        noUser,
                        numericAttributes,
                        TableItems.original(day.toString(), "not a time", "x", "broken"),
                        TableItems.original(day.toString(), "10:00:02.000", "x", "valid")));

        Page page = store.query(EventQuery.of(new QueryScope.Day(day)), Optional.empty());

        assertEquals(List.of(event(key(day, "10:00:02.000"), "x", "valid")), page.items());
        assertFalse(page.hasMore());
        assertEquals(
                Optional.empty(),
                store.find(key(day, "10:00:00.000").withId(EventIds.derive("x", "broken", Map.of()))));
    }

    @Test
    void storedItems_holdTheIdInTheRangeKeyAndAddAttributesAsAMapOfStrings() {
        LocalDate day = uniqueDay();
        EventRecord plainEvent = event(key(day, "08:00:00.001"), "u1", "plain");
        EventRecord richEvent = event(key(day, "08:00:00.002"), "u1", "rich", Map.of("page", "/home", "empty", ""));
        store.append(plainEvent);
        store.append(richEvent);

        Map<String, AttributeValue> plain =
                rawItem(day.toString(), "08:00:00.001#" + plainEvent.eventId()).orElseThrow();
        Map<String, AttributeValue> rich =
                rawItem(day.toString(), "08:00:00.002#" + richEvent.eventId()).orElseThrow();

        assertEquals(Set.of("date", "time", "eventId", "userId", "eventType", "at"), plain.keySet());
        assertEquals(plainEvent.eventId(), plain.get("eventId").s());
        assertEquals(
                day + "T08:00:00.001#" + plainEvent.eventId(), plain.get("at").s());
        assertEquals("u1", plain.get("userId").s());
        assertEquals(
                Map.of("page", AttributeValue.fromS("/home"), "empty", AttributeValue.fromS("")),
                rich.get("attributes").m());
    }

    // ---- DynamoDB's limits ----------------------------------------------------------------------------

    @Test
    void dayOfMoreThanOneMegabyte_isPagedWithoutLossOrRepeat() {
        DynamoDbEventLog.createTable(client, LARGE_TABLE);
        DynamoDbEventLog large =
                DynamoDbEventLog.builder().client(client).tableName(LARGE_TABLE).build();
        LocalDate day = uniqueDay();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            items.add(TableItems.padded(
                    day.toString(), key(day, 12, i / 60, i % 60, i % 7).timeText(), "user-" + i, 1000));
        }
        TableItems.write(client, LARGE_TABLE, items);
        QueryResponse oneRequest = client.query(r -> r.tableName(LARGE_TABLE)
                .keyConditionExpression("#d = :d")
                .expressionAttributeNames(Map.of("#d", "date"))
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(day.toString()))));
        assertTrue(
                oneRequest.hasLastEvaluatedKey() && oneRequest.count() < 1000,
                "the day must not fit in one 1 MB response");
        EventQuery query = EventQuery.of(new QueryScope.Day(day)).withLimit(1000);

        Page first = large.query(query, Optional.empty());
        Page second = large.query(query, first.resumeAfter());

        assertEquals(1000, first.items().size());
        assertEquals(100, second.items().size());
        assertFalse(second.hasMore());
        List<EventRecord> ascending = new ArrayList<>(first.items());
        ascending.addAll(second.items());
        assertEquals(1100, new HashSet<>(ascending).size());
        assertEquals(
                ascending.stream().sorted((x, y) -> x.key().compareTo(y.key())).toList(), ascending);

        List<EventRecord> descending = readAll(large, query.withOrder(SortOrder.DESC));
        Collections.reverse(descending);
        assertEquals(ascending, descending);
        assertEquals(
                Set.copyOf(ascending),
                Set.copyOf(
                        readAll(large, EventQuery.of(new QueryScope.AllEvents()).withLimit(1000))));
    }

    @Test
    void filterMatchingOneInFifty_stillFillsEveryPageToTheLimit() {
        LocalDate day = uniqueDay();
        String rare = uniqueUser();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<EventRecord> rareEvents = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            EventTime key = key(day, 15, i / 60, i % 60, 0);
            // A filter on the type: a filter on the user reads the user index, which holds no item of the old layout.
            String type = i % 50 == 25 ? rare : "common";
            items.add(TableItems.original(day.toString(), key.timeText(), "user-" + i, type));
            if (type.equals(rare)) {
                rareEvents.add(event(key, "user-" + i, rare));
            }
        }
        TableItems.write(client, TABLE, items);

        for (QueryScope scope : List.of(
                new QueryScope.Day(day), new QueryScope.Range(key(day, "15:00:00.000"), key(day, "16:00:00.000")))) {
            EventQuery query = EventQuery.of(scope).withEventType(rare).withLimit(7);
            List<Integer> sizes = new ArrayList<>();
            List<EventRecord> seen = new ArrayList<>();
            Optional<EventKey> after = Optional.empty();
            do {
                Page page = store.query(query, after);
                sizes.add(page.items().size());
                seen.addAll(page.items());
                after = page.resumeAfter();
            } while (after.isPresent());

            assertEquals(List.of(7, 7, 6), sizes, "pages for " + scope);
            assertEquals(rareEvents, seen);
        }
    }

    // ---- set-up errors --------------------------------------------------------------------------------

    @Test
    void missingTable_isAConfigurationErrorNamingTheTable() {
        DynamoDbEventLog absent = DynamoDbEventLog.builder()
                .client(client)
                .tableName("no-such-events-table")
                .build();
        EventRecord anEvent = event(key(uniqueDay(), "12:00:00.000"));
        List<Executable> calls = List.of(
                () -> absent.append(anEvent),
                () -> absent.appendAll(List.of(anEvent, event(key(uniqueDay(), "12:00:00.000")))),
                () -> absent.find(anEvent.key()),
                () -> absent.query(EventQuery.of(new QueryScope.Day(uniqueDay())), Optional.empty()),
                () -> absent.query(EventQuery.of(new QueryScope.AllEvents()), Optional.empty()));

        for (Executable call : calls) {
            StoreConfigurationException error = assertThrows(StoreConfigurationException.class, call);
            assertTrue(error.getMessage().contains("'no-such-events-table'"), error.getMessage());
        }
    }

    @Test
    void createTable_onAnExistingTable_isANoOpWhenItsKeysFit() {
        DynamoDbEventLog.createTable(client, TABLE);

        EventRecord event = event(key(uniqueDay(), "01:00:00.000"));
        assertEquals(AppendOutcome.CREATED, store.append(event).outcome());
    }

    @Test
    void createTable_onATableWithOtherKeys_isAConfigurationError() {
        client.createTable(r -> r.tableName("events-wrong-keys")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));

        StoreConfigurationException error = assertThrows(
                StoreConfigurationException.class, () -> DynamoDbEventLog.createTable(client, "events-wrong-keys"));
        assertTrue(error.getMessage().contains("'date' (S)"), error.getMessage());
    }

    // ---- configuration from the environment -----------------------------------------------------------

    @Test
    void fromEnvironment_buildsAStoreOnTheNamedTableAndEndpoint() {
        for (String endpointVariable : List.of("AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL")) {
            DynamoDbEventLog configured = DynamoDbEventLog.fromEnvironment(environment(
                    env -> env.put(endpointVariable, server.endpoint().toString())));
            EventRecord event = event(key(uniqueDay(), "02:00:00.000"));

            assertEquals(TABLE, configured.tableName());
            assertEquals(AppendOutcome.CREATED, configured.append(event).outcome());
            assertEquals(Optional.of(event), store.find(event.key()));
        }
    }

    @Test
    void fromEnvironment_withoutTableNameOrRegion_saysWhatIsMissing() {
        StoreConfigurationException noTable = assertThrows(
                StoreConfigurationException.class,
                () -> DynamoDbEventLog.fromEnvironment(environment(env -> env.remove("TABLE_NAME"))));
        assertTrue(noTable.getMessage().contains("TABLE_NAME"), noTable.getMessage());

        StoreConfigurationException noRegion = assertThrows(
                StoreConfigurationException.class,
                () -> DynamoDbEventLog.fromEnvironment(environment(env -> env.remove("AWS_REGION"))));
        assertTrue(noRegion.getMessage().contains("AWS_REGION"), noRegion.getMessage());

        StoreConfigurationException badEndpoint = assertThrows(
                StoreConfigurationException.class,
                () -> DynamoDbEventLog.fromEnvironment(
                        environment(env -> env.put("AWS_ENDPOINT_URL_DYNAMODB", "localhost:8000"))));
        assertTrue(badEndpoint.getMessage().contains("AWS_ENDPOINT_URL_DYNAMODB"), badEndpoint.getMessage());
    }

    @Test
    void fromEnvironment_takesTheRegionFromAwsDefaultRegionToo() {
        DynamoDbEventLog configured = DynamoDbEventLog.fromEnvironment(environment(env -> {
            env.remove("AWS_REGION");
            env.put("AWS_DEFAULT_REGION", "us-east-1");
            env.put("AWS_ENDPOINT_URL", server.endpoint().toString());
        }));

        assertEquals(
                Optional.empty(),
                configured.find(key(uniqueDay(), "03:00:00.000").withId("none")));
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static Map<String, String> environment(Consumer<Map<String, String>> change) {
        Map<String, String> env = new HashMap<>(Map.of(
                "TABLE_NAME", TABLE,
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "dynalite",
                "AWS_SECRET_ACCESS_KEY", "dynalite"));
        change.accept(env);
        return env;
    }

    private static Optional<Map<String, AttributeValue>> rawItem(String date, String time) {
        var response = client.getItem(r -> r.tableName(TABLE)
                .consistentRead(true)
                .key(Map.of("date", AttributeValue.fromS(date), "time", AttributeValue.fromS(time))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private static List<EventRecord> readAll(EventQuery query) {
        return readAll(store, query);
    }

    private static List<EventRecord> readAll(DynamoDbEventLog log, EventQuery query) {
        List<EventRecord> all = new ArrayList<>();
        Optional<EventKey> after = Optional.empty();
        do {
            Page page = log.query(query, after);
            assertTrue(page.items().size() <= query.limit(), "page larger than its limit");
            assertFalse(page.hasMore() && page.resumeAfter().equals(after), "a page must make progress");
            all.addAll(page.items());
            after = page.resumeAfter();
            assertTrue(all.size() <= 20_000, "pagination did not end");
        } while (after.isPresent());
        return all;
    }
}
