package dev.eventlog.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The backfill puts items of the old layouts into the user index, changing nothing else, and may run again. */
class UserIndexBackfillTest {

    private static DynaliteServer server;

    @BeforeAll
    static void startServer() {
        server = DynaliteServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static EventQuery historyOf(String user) {
        return new EventQuery(new QueryScope.AllEvents(), user, null, SortOrder.ASC, 1000);
    }

    private static Map<String, AttributeValue> raw(String table, String date, String time) {
        return server.client()
                .getItem(r -> r.tableName(table).consistentRead(true).key(EventItem.key(date, time)))
                .item();
    }

    @Test
    void itemsOfTheOldLayout_enterTheIndex_andNothingElseChanges() {
        String table = "backfill-old-layout";
        DynamoDbEventLog.createTable(server.client(), table);
        // As the original system and versions before event ids wrote them: no '#', no eventId, no at.
        TableItems.write(
                server.client(),
                table,
                List.of(
                        TableItems.original("2024-05-01", "10:00:00", "carol", "login"),
                        TableItems.original("2024-05-01", "10:00:00.250", "carol", "view"),
                        TableItems.original("2024-05-03", "23:59:59.999", "carol", "logout"),
                        TableItems.original("2024-05-02", "08:00:00", "dave", "login")));
        DynamoDbEventLog store = DynamoDbEventLog.builder()
                .client(server.client())
                .tableName(table)
                .build();
        EventRecord newer =
                new EventRecord(EventTime.parse("2024-05-02", "12:00:00.000").withId("fresh-1"), "carol", "view");
        store.append(newer);
        Map<String, AttributeValue> newerBefore = raw(table, "2024-05-02", "12:00:00.000#fresh-1");
        Map<String, AttributeValue> oldBefore = raw(table, "2024-05-01", "10:00:00.250");
        assertEquals(
                List.of(newer),
                store.query(historyOf("carol"), Optional.empty()).items(),
                "only the new event is indexed yet");

        List<UserIndexBackfill.Counts> progress = new ArrayList<>();
        UserIndexBackfill.Counts counts = new UserIndexBackfill(server.client(), table).run(progress::add);

        assertEquals(4, counts.added());
        assertEquals(1, counts.notEvents(), "the store's metadata item");
        assertEquals(0, counts.changedMeanwhile());
        assertTrue(counts.scanned() >= 6);
        assertEquals(counts, progress.get(progress.size() - 1));
        Page carol = store.query(historyOf("carol"), Optional.empty());
        List<EventRecord> byKey = store
                .query(
                        EventQuery.of(new QueryScope.Range(
                                EventTime.parse("2024-05-01", "00:00:00.000"),
                                EventTime.parse("2024-05-04", "00:00:00.000"))),
                        Optional.empty())
                .items()
                .stream()
                .filter(e -> e.userId().equals("carol"))
                .toList();
        assertEquals(byKey, carol.items(), "the index gives the same events, in the same order, as the table");
        assertEquals(4, carol.items().size());
        assertEquals(1, store.query(historyOf("dave"), Optional.empty()).items().size());
        assertEquals(newerBefore, raw(table, "2024-05-02", "12:00:00.000#fresh-1"), "an item that had at is untouched");
        Map<String, AttributeValue> oldAfter = raw(table, "2024-05-01", "10:00:00.250");
        Map<String, AttributeValue> expected = new java.util.HashMap<>(oldBefore);
        expected.put(
                EventItem.AT,
                AttributeValue.fromS(
                        "2024-05-01T10:00:00.250#" + carol.items().get(1).eventId()));
        assertEquals(expected, oldAfter, "only at was added");

        UserIndexBackfill.Counts again = new UserIndexBackfill(server.client(), table).run(c -> {});
        assertEquals(0, again.added(), "a second run finds nothing to do");
        assertEquals(
                carol.items(), store.query(historyOf("carol"), Optional.empty()).items());
    }
}
