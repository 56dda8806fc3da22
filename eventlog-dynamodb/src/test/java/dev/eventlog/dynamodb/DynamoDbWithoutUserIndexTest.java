package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a table made before the {@code byUser} index (the original system's, or an earlier version's), a user's events
 * of a date or a range are read from the day partitions with a filter, in pages, in both orders; a user's whole
 * history, which only the index can serve, is refused with what to do, never with a server error.
 */
class DynamoDbWithoutUserIndexTest {

    private static final String TABLE = "without-user-index";

    private static DynaliteServer server;
    private static DynamoDbEventLog store;
    private static final LocalDate DAY = LocalDate.of(2021, 8, 28);
    private static final List<EventRecord> U10 = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = DynaliteServer.start();
        server.createTableWithoutUserIndex(TABLE);
        store = DynamoDbEventLog.builder()
                .client(server.client())
                .tableName(TABLE)
                .build();
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            EventRecord event = event(key(DAY.plusDays(i % 3), 9, i, 0, 0), i % 2 == 0 ? "u10" : "u11", "login");
            events.add(event);
            if (event.userId().equals("u10")) {
                U10.add(event);
            }
        }
        store.appendAll(events.subList(0, 15));
        store.appendAll(events.subList(15, 30));
        U10.sort(java.util.Comparator.comparing(EventRecord::key));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aUsersEventsOfADay_areReadFromTheDayWithAFilter() {
        EventQuery ofDay =
                EventQuery.of(new QueryScope.Day(DAY)).withUserId("u10").withLimit(2);
        List<EventRecord> expected =
                U10.stream().filter(e -> e.key().date().equals(DAY)).toList();

        assertEquals(expected, readAll(store, ofDay));
        List<EventRecord> newestFirst = new ArrayList<>(expected);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, readAll(store, ofDay.withOrder(SortOrder.DESC)));
    }

    @Test
    void aUsersEventsOfARange_areReadFromItsDays() {
        QueryScope threeDays = new QueryScope.Range(key(DAY, "00:00:00.000"), key(DAY.plusDays(3), "00:00:00.000"));

        assertEquals(
                U10, readAll(store, EventQuery.of(threeDays).withUserId("u10").withLimit(4)));
    }

    @Test
    void aUsersWholeHistory_isRefusedNamingTheIndexAndWhatToSend() {
        EventQuery history = EventQuery.of(new QueryScope.AllEvents()).withUserId("u10");

        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> store.query(history, Optional.empty()));
        String said = refused.getMessage();
        assertEquals("userId", refused.errors().get(0).field());
        assertTrue(said.contains("'byUser'"), said);
        assertTrue(said.contains("'date', or 'from' and 'to'"), said);
        assertTrue(said.contains("'" + TABLE + "'"), said);
    }
}
