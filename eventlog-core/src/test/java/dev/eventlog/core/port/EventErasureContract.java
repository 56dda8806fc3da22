package dev.eventlog.core.port;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.readAll;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static dev.eventlog.core.port.TestEvents.uniqueUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EventErasurePort} honours, on a store that is also the {@link EventLogPort} it erases
 * from: afterwards no read path returns the user's events, other users' events are untouched (also those in the
 * same millisecond), a preview deletes nothing, and a second erasure finds nothing.
 */
public abstract class EventErasureContract {

    protected EventLogPort log;
    protected EventErasurePort erasure;

    /** The store under test, as the port it is read through. */
    protected abstract EventLogPort createLog();

    /** The same store, as the erasure port. */
    protected abstract EventErasurePort erasureOf(EventLogPort log);

    @BeforeEach
    void setUpStore() {
        log = createLog();
        erasure = erasureOf(log);
    }

    /** The user's events and another user's, interleaved over two days and sharing one busy millisecond. */
    private record Data(
            String user,
            String other,
            LocalDate first,
            LocalDate second,
            EventTime busy,
            List<EventRecord> users,
            List<EventRecord> others) {}

    private Data given() {
        String user = uniqueUser();
        String other = uniqueUser();
        LocalDate first = uniqueDay();
        LocalDate second = first.plusDays(1);
        EventTime busy = key(first, "10:00:00.000");
        List<EventRecord> users = new ArrayList<>();
        List<EventRecord> others = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            users.add(event(busy.withId("mine-" + i), user, "click", Map.of("n", Integer.toString(i))));
            others.add(event(busy.withId("theirs-" + i), other, "click"));
        }
        for (int i = 0; i < 10; i++) {
            users.add(event(key(second, 8, i, 0, 0), user, "view", Map.of("n", Integer.toString(i))));
            others.add(event(key(second, 8, i, 0, 0), other, "view"));
        }
        List<EventRecord> all = new ArrayList<>(users);
        all.addAll(others);
        for (int i = 0; i < all.size(); i += 25) {
            log.appendAll(all.subList(i, Math.min(all.size(), i + 25)));
        }
        users.sort(Comparator.comparing(EventRecord::key));
        others.sort(Comparator.comparing(EventRecord::key));
        return new Data(user, other, first, second, busy, users, others);
    }

    private static SortedMap<LocalDate, Long> perDay(Data data) {
        SortedMap<LocalDate, Long> expected = new TreeMap<>();
        expected.put(data.first(), 30L);
        expected.put(data.second(), 10L);
        return expected;
    }

    @Test
    void erase_removesTheUsersEventsFromEveryReadPath_andLeavesOthersAlone() {
        Data data = given();

        ErasureReport report = erasure.erase(data.user());

        assertEquals(perDay(data), report.eventsByDay());
        assertEquals(40, report.events());
        QueryScope bothDays = new QueryScope.Range(
                key(data.first(), "00:00:00.000"), key(data.second().plusDays(1), "00:00:00.000"));
        assertEquals(data.others(), readAll(log, EventQuery.of(bothDays).withLimit(7)));
        assertEquals(
                data.others().stream()
                        .filter(e -> e.key().date().equals(data.first()))
                        .toList(),
                readAll(log, EventQuery.of(new QueryScope.Day(data.first()))));
        assertEquals(
                data.others().subList(0, 30),
                readAll(
                        log,
                        EventQuery.of(new QueryScope.Millisecond(data.busy())).withLimit(4)));
        for (EventRecord gone : data.users()) {
            assertEquals(Optional.empty(), log.find(gone.key()), "found by its key after erasure: " + gone);
        }
        assertEquals(
                List.of(),
                readAll(log, EventQuery.of(new QueryScope.AllEvents()).withUserId(data.user())));
        assertEquals(
                List.of(),
                readAll(log, EventQuery.of(bothDays).withUserId(data.user()).withOrder(SortOrder.DESC)));
        assertTrue(readAll(log, EventQuery.of(new QueryScope.AllEvents()).withLimit(1000)).stream()
                .noneMatch(e -> e.userId().equals(data.user())));
        assertEquals(data.others(), readAll(log, EventQuery.of(bothDays).withUserId(data.other())));
    }

    @Test
    void preview_countsAndListsTheDays_andDeletesNothing() {
        Data data = given();

        ErasureReport preview = erasure.preview(data.user());

        assertEquals(perDay(data), preview.eventsByDay());
        assertEquals(
                data.users(),
                readAll(log, EventQuery.of(new QueryScope.AllEvents()).withUserId(data.user())));
    }

    @Test
    void secondErasure_findsNothing_andChangesNothing() {
        Data data = given();
        erasure.erase(data.user());

        ErasureReport again = erasure.erase(data.user());

        assertEquals(0, again.events());
        assertEquals(Map.of(), again.eventsByDay());
        assertEquals(
                data.others(),
                readAll(log, EventQuery.of(new QueryScope.AllEvents()).withUserId(data.other())));
    }

    @Test
    void aUserWithoutEvents_erasesNothing() {
        given();

        assertEquals(0, erasure.erase(uniqueUser()).events());
    }
}
