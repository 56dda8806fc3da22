package dev.eventlog.core.port;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static dev.eventlog.core.port.TestEvents.uniqueUser;
import static dev.eventlog.core.port.TestEvents.uniqueYear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link EventLogPort} honours. An adapter's test extends this class and only supplies the
 * port; every test writes at keys of its own, so the suite also runs on a store shared between tests.
 */
public abstract class EventLogPortContract {

    protected EventLogPort port;

    /** The port under test, backed by a store that may hold other tests' events. */
    protected abstract EventLogPort createPort();

    @BeforeEach
    void setUpPort() {
        port = createPort();
    }

    // ---- writes -------------------------------------------------------------------------------------------

    @Test
    void everyField_roundTrips() {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < EventRecord.MAX_ATTRIBUTES - 2; i++) {
            attributes.put("k" + i, "v" + i);
        }
        attributes.put("empty", "");
        attributes.put("unicode-é漢😀", "value with spaces, quotes \" and emoji 😀");
        EventRecord original = event(
                key(uniqueDay(), "14:19:00.123"),
                "u".repeat(EventRecord.MAX_USER_ID),
                "t".repeat(EventRecord.MAX_EVENT_TYPE),
                attributes);

        assertEquals(AppendOutcome.CREATED, port.append(original).outcome());

        assertEquals(Optional.of(original), port.find(original.key()));
    }

    @Test
    void eventWithoutAttributes_roundTripsWithEmptyAttributes() {
        EventRecord original = event(key(uniqueDay(), "00:00:00.000"), uniqueUser(), "login");

        port.append(original);

        EventRecord stored = port.find(original.key()).orElseThrow();
        assertEquals(original, stored);
        assertTrue(stored.attributes().isEmpty());
    }

    @Test
    void unknownKey_isNotFound() {
        assertEquals(
                Optional.empty(), port.find(key(uniqueDay(), "12:00:00.000").withId("nobody")));
    }

    @Test
    void identicalReappend_isExistingAndChangesNothing() {
        EventRecord original = event(key(uniqueDay(), "10:00:00.000"), uniqueUser(), "login", Map.of("a", "1"));
        port.append(original);

        AppendResult again =
                port.append(event(original.key(), original.userId(), original.eventType(), Map.of("a", "1")));

        assertEquals(AppendOutcome.EXISTING, again.outcome());
        assertEquals(Optional.of(original), port.find(original.key()));
    }

    @Test
    void reusedIdWithDifferentContent_isConflictAndLeavesStoredEventUnchanged() {
        EventRecord original =
                event(key(uniqueDay(), "10:00:00.000").withId("reused"), uniqueUser(), "login", Map.of("a", "1"));
        port.append(original);

        List<EventRecord> rivals = List.of(
                event(original.key(), original.userId() + "x", "login", Map.of("a", "1")),
                event(original.key(), original.userId(), "logout", Map.of("a", "1")),
                event(original.key(), original.userId(), "login", Map.of("a", "2")),
                event(original.key(), original.userId(), "login", Map.of("a", "1", "b", "1")),
                event(original.key(), original.userId(), "login"));
        for (EventRecord rival : rivals) {
            assertEquals(AppendOutcome.CONFLICT, port.append(rival).outcome(), () -> "rival " + rival);
        }

        assertEquals(Optional.of(original), port.find(original.key()));
    }

    @Test
    void batch_reportsEachOutcomeInRequestOrder() {
        LocalDate day = uniqueDay();
        EventRecord stored = event(key(day, "01:00:00.000"), uniqueUser(), "login");
        port.append(stored);
        EventRecord fresh = event(key(day, "02:00:00.000"), uniqueUser(), "login");
        EventRecord same = event(stored.key(), stored.userId(), stored.eventType());
        EventRecord rival = event(stored.key(), stored.userId(), "logout");
        EventRecord another = event(key(day, "03:00:00.000"), uniqueUser(), "view");

        List<AppendResult> results = port.appendAll(List.of(fresh, same, rival, another));

        assertEquals(
                List.of(AppendOutcome.CREATED, AppendOutcome.EXISTING, AppendOutcome.CONFLICT, AppendOutcome.CREATED),
                results.stream().map(AppendResult::outcome).toList());
        assertEquals(
                List.of(fresh, same, rival, another),
                results.stream().map(AppendResult::event).toList());
        assertEquals(Optional.of(stored), port.find(stored.key()));
        assertEquals(Optional.of(fresh), port.find(fresh.key()));
        assertEquals(Optional.of(another), port.find(another.key()));
    }

    @Test
    void batchOfTwentyFive_storesEveryEvent() {
        LocalDate day = uniqueDay();
        List<EventRecord> batch = IntStream.range(0, 25)
                .mapToObj(i -> event(key(day, 9, 0, i, 0), uniqueUser(), "click"))
                .toList();

        List<AppendResult> results = port.appendAll(batch);

        assertTrue(results.stream().allMatch(r -> r.outcome() == AppendOutcome.CREATED));
        assertEquals(batch, readAll(EventQuery.of(new QueryScope.Day(day)).withLimit(1000)));
    }

    @Test
    void sameKeyTwiceInOneBatch_storesOneAndReportsTheOther() {
        EventKey key = key(uniqueDay(), "05:00:00.000").withId("sent-twice");
        EventRecord first = event(key, uniqueUser(), "login");
        EventRecord rival = event(key, first.userId(), "logout");

        List<AppendResult> results = port.appendAll(List.of(first, rival));

        assertEquals(
                1,
                results.stream()
                        .filter(r -> r.outcome() == AppendOutcome.CREATED)
                        .count());
        assertEquals(
                1,
                results.stream()
                        .filter(r -> r.outcome() == AppendOutcome.CONFLICT)
                        .count());
        EventRecord winner = results.stream()
                .filter(r -> r.outcome() == AppendOutcome.CREATED)
                .findFirst()
                .orElseThrow()
                .event();
        assertEquals(Optional.of(winner), port.find(key));
    }

    // ---- identity: (date, time, eventId) ----------------------------------------------------------------

    @Test
    void distinctEventsInTheSameMillisecond_areBothCreated() {
        EventTime at = key(uniqueDay(), "10:00:00.123");
        EventRecord alice = event(at, uniqueUser(), "click");
        EventRecord bob = event(at, uniqueUser(), "click");

        assertEquals(AppendOutcome.CREATED, port.append(alice).outcome());
        assertEquals(AppendOutcome.CREATED, port.append(bob).outcome());

        assertEquals(Optional.of(alice), port.find(alice.key()));
        assertEquals(Optional.of(bob), port.find(bob.key()));
        assertEquals(sorted(List.of(alice, bob)), readAll(EventQuery.of(new QueryScope.Day(at.date()))));
    }

    @Test
    void replayWithoutId_derivesTheSameIdAndIsExisting() {
        EventTime at = key(uniqueDay(), "11:00:00.001");
        String user = uniqueUser();
        EventRecord first = event(at, user, "purchase", Map.of("sku", "42", "qty", "1"));
        port.append(first);

        AppendResult replay = port.append(event(at, user, "purchase", Map.of("qty", "1", "sku", "42")));

        assertEquals(AppendOutcome.EXISTING, replay.outcome());
        assertEquals(first.key(), replay.event().key());
        assertEquals(List.of(first), readAll(EventQuery.of(new QueryScope.Day(at.date()))));
    }

    @Test
    void replayWithGivenId_isExisting() {
        EventKey key = key(uniqueDay(), "11:00:00.002").withId("client-msg-0001");
        EventRecord first = event(key, uniqueUser(), "purchase", Map.of("sku", "42"));
        port.append(first);

        AppendResult replay = port.append(event(key, first.userId(), "purchase", Map.of("sku", "42")));

        assertEquals(AppendOutcome.EXISTING, replay.outcome());
        assertEquals(List.of(first), readAll(EventQuery.of(new QueryScope.Day(key.date()))));
    }

    @Test
    void conflict_arisesOnlyByReusingAnId() {
        EventTime at = key(uniqueDay(), "11:00:00.003");
        String user = uniqueUser();
        EventRecord original = event(at.withId("mine"), user, "login");
        port.append(original);

        assertEquals(
                AppendOutcome.CONFLICT,
                port.append(event(at.withId("mine"), user, "logout")).outcome());
        assertEquals(
                AppendOutcome.CREATED,
                port.append(event(at, user, "logout")).outcome(),
                "other content, derived id: a new event");
        assertEquals(
                AppendOutcome.CREATED,
                port.append(event(at.withId("yours"), user, "logout")).outcome(),
                "other id: a new event");
        assertEquals(Optional.of(original), port.find(original.key()));
        assertEquals(3, readAll(EventQuery.of(new QueryScope.Day(at.date()))).size());
    }

    @Test
    void sameTimeOtherId_isNotFound() {
        EventRecord stored = event(key(uniqueDay(), "11:00:00.004"));
        port.append(stored);

        assertEquals(Optional.empty(), port.find(stored.key().moment().withId("other")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 1000})
    void manyEventsInOneMillisecond_pageInIdOrderBothWays(int pageSize) {
        LocalDate day = uniqueDay();
        EventTime busy = key(day, "12:00:00.500");
        List<EventRecord> events = new ArrayList<>();
        events.add(event(key(day, "12:00:00.499")));
        for (int i = 0; i < 40; i++) {
            events.add(
                    i % 2 == 0
                            ? event(busy)
                            : event(busy.withId("given-" + (char) ('a' + i % 26) + i), uniqueUser(), "click"));
        }
        events.add(event(key(day, "12:00:00.501")));
        appendInBatches(events);
        List<EventRecord> ascending = sorted(events);
        List<EventRecord> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        List<EventRecord> inBusyMillisecond = ascending.subList(1, ascending.size() - 1);
        EventQuery dayQuery = EventQuery.of(new QueryScope.Day(day)).withLimit(pageSize);
        EventQuery millisecond = EventQuery.of(new QueryScope.Range(busy, busy.nextMillisecond()))
                .withLimit(pageSize);

        assertEquals(ascending, readAll(dayQuery));
        assertEquals(descending, readAll(dayQuery.withOrder(SortOrder.DESC)));
        assertEquals(inBusyMillisecond, readAll(millisecond));
        List<EventRecord> newestFirst = new ArrayList<>(inBusyMillisecond);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, readAll(millisecond.withOrder(SortOrder.DESC)));
        assertEquals(
                inBusyMillisecond.stream()
                        .filter(e -> e.eventType().equals("click"))
                        .toList(),
                readAll(millisecond.withEventType("click")));
    }

    /**
     * Thousands of events in one millisecond (an import of second-resolution data, a server-stamped batch, or a
     * client that wants to hurt) read in pages of 1, 7 and 100, in both orders, with and without a filter, and
     * switching page size part way: every event exactly once, in key order.
     */
    @Test
    void denseMillisecond_readsEveryEventOnceInPagesOfAnySize() {
        LocalDate day = uniqueDay();
        EventTime busy = key(day, "12:00:00.000");
        List<EventRecord> events = new ArrayList<>();
        events.add(event(key(day, "11:59:59.999")));
        for (int i = 0; i < DENSE_EVENTS; i++) {
            String type = i % 10 == 3 ? "rare" : "common";
            events.add(
                    i % 2 == 0
                            ? event(busy, uniqueUser(), type)
                            : event(busy.withId(String.format("dense-%05d", i)), uniqueUser(), type));
        }
        events.add(event(key(day, "12:00:00.001")));
        appendInBatches(events);
        List<EventRecord> ascending = sorted(events);
        List<EventRecord> inBusy = ascending.subList(1, ascending.size() - 1);
        EventQuery dayQuery = EventQuery.of(new QueryScope.Day(day));
        EventQuery millisecond = EventQuery.of(new QueryScope.Range(busy, busy.nextMillisecond()));

        for (SortOrder order : SortOrder.values()) {
            for (String type : new String[] {null, "rare"}) {
                List<EventRecord> expectedDay = inOrder(matching(ascending, type), order);
                List<EventRecord> expectedBusy = inOrder(matching(inBusy, type), order);
                EventQuery ofDay = dayQuery.withOrder(order).withEventType(type);
                EventQuery ofBusy = millisecond.withOrder(order).withEventType(type);
                String what = order + (type == null ? "" : " of type " + type);
                assertEquals(expectedDay, readAll(ofDay.withLimit(100)), "day in pages of 100, " + what);
                assertEquals(expectedBusy, readAll(ofBusy.withLimit(100)), "millisecond in pages of 100, " + what);
                assertEquals(
                        expectedBusy,
                        TestEvents.readAll(port, ofBusy.withLimit(1), 60, 100),
                        "60 pages of 1, then pages of 100, " + what);
            }
        }
        assertEquals(inBusy, readAll(millisecond.withLimit(7)), "millisecond in pages of 7");
        assertEquals(
                inOrder(matching(ascending, "rare"), SortOrder.DESC),
                readAll(dayQuery.withOrder(SortOrder.DESC).withEventType("rare").withLimit(7)),
                "day of type rare in pages of 7, newest first");
        assertEquals(
                matching(inBusy, "rare"),
                readAll(millisecond.withEventType("rare").withLimit(1)),
                "millisecond of type rare in pages of 1");
    }

    /** The last day that can be written reads in both orders and pages, up to its very last millisecond. */
    @Test
    void lastMillisecondsOfTheYear9999_readInBothOrders() {
        LocalDate last = LocalDate.of(9999, 12, 31);
        String user = uniqueUser();
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event(key(last, "23:59:59.999").withId(user + "-" + i), user, "end"));
        }
        events.add(event(key(last, "23:59:59.998").withId(user + "-x"), user, "end"));
        appendInBatches(events);
        EventQuery lastDay =
                EventQuery.of(new QueryScope.Day(last)).withUserId(user).withLimit(2);

        assertEquals(sorted(events), readAll(lastDay));
        assertEquals(inOrder(sorted(events), SortOrder.DESC), readAll(lastDay.withOrder(SortOrder.DESC)));
        EventQuery lastMillisecond = EventQuery.of(new QueryScope.Millisecond(key(last, "23:59:59.999")))
                .withUserId(user)
                .withLimit(1);
        List<EventRecord> atTheEnd = sorted(events.subList(0, 3));
        assertEquals(atTheEnd, readAll(lastMillisecond));
        assertEquals(inOrder(atTheEnd, SortOrder.DESC), readAll(lastMillisecond.withOrder(SortOrder.DESC)));
        assertEquals(
                inOrder(atTheEnd, SortOrder.DESC),
                readAll(EventQuery.of(new QueryScope.Millisecond(key(last, "23:59:59.999")))
                                .withOrder(SortOrder.DESC)
                                .withLimit(2))
                        .stream()
                        .filter(e -> e.userId().equals(user))
                        .toList());
        assertEquals(
                inOrder(sorted(events), SortOrder.DESC),
                readAll(EventQuery.of(new QueryScope.Day(last))
                                .withOrder(SortOrder.DESC)
                                .withLimit(1))
                        .stream()
                        .filter(e -> e.userId().equals(user))
                        .toList());
    }

    /** How many events {@link #denseMillisecond_readsEveryEventOnceInPagesOfAnySize} puts in one millisecond. */
    protected static final int DENSE_EVENTS = 2_000;

    private static List<EventRecord> matching(List<EventRecord> events, String eventType) {
        return events.stream()
                .filter(e -> eventType == null || e.eventType().equals(eventType))
                .toList();
    }

    private static List<EventRecord> inOrder(List<EventRecord> ascending, SortOrder order) {
        List<EventRecord> ordered = new ArrayList<>(ascending);
        if (order == SortOrder.DESC) {
            Collections.reverse(ordered);
        }
        return ordered;
    }

    // ---- day queries ----------------------------------------------------------------------------------

    @Test
    void dayQuery_returnsOnlyThatDayOldestFirst() {
        LocalDate day = uniqueDay();
        EventRecord before = event(key(day.minusDays(1), "23:59:59.999"));
        EventRecord first = event(key(day, "00:00:00.000"));
        EventRecord noon = event(key(day, "12:00:00.000"));
        EventRecord last = event(key(day, "23:59:59.999"));
        EventRecord after = event(key(day.plusDays(1), "00:00:00.000"));
        port.appendAll(List.of(noon, after, last, before, first));

        Page page = port.query(EventQuery.of(new QueryScope.Day(day)), Optional.empty());

        assertEquals(List.of(first, noon, last), page.items());
        assertFalse(page.hasMore());
    }

    @Test
    void dayQuery_descending_returnsNewestFirst() {
        LocalDate day = uniqueDay();
        EventRecord a = event(key(day, "01:00:00.000"));
        EventRecord b = event(key(day, "01:00:00.001"));
        EventRecord c = event(key(day, "13:30:00.000"));
        port.appendAll(List.of(b, c, a));

        Page page = port.query(EventQuery.of(new QueryScope.Day(day)).withOrder(SortOrder.DESC), Optional.empty());

        assertEquals(List.of(c, b, a), page.items());
    }

    @Test
    void emptyDay_givesAnEmptyLastPage() {
        Page page = port.query(EventQuery.of(new QueryScope.Day(uniqueDay())), Optional.empty());

        assertTrue(page.items().isEmpty());
        assertFalse(page.hasMore());
    }

    // ---- range queries --------------------------------------------------------------------------------

    @Test
    void range_crossesMidnight_fromInclusiveToExclusive() {
        LocalDate day = uniqueDay();
        EventRecord tooEarly = event(key(day, "21:59:59.999"));
        EventRecord atFrom = event(key(day, "22:00:00.000"));
        EventRecord lateEvening = event(key(day, "23:59:59.999"));
        EventRecord midnight = event(key(day.plusDays(1), "00:00:00.000"));
        EventRecord earlyMorning = event(key(day.plusDays(1), "01:59:59.999"));
        EventRecord atTo = event(key(day.plusDays(1), "02:00:00.000"));
        port.appendAll(List.of(atTo, earlyMorning, midnight, lateEvening, atFrom, tooEarly));
        QueryScope range = new QueryScope.Range(key(day, "22:00:00.000"), key(day.plusDays(1), "02:00:00.000"));

        assertEquals(List.of(atFrom, lateEvening, midnight, earlyMorning), readAll(EventQuery.of(range)));
        assertEquals(
                List.of(earlyMorning, midnight, lateEvening, atFrom),
                readAll(EventQuery.of(range).withOrder(SortOrder.DESC)));
    }

    @Test
    void range_crossesMonthAndYearEnds() {
        int year = uniqueYear();
        EventRecord janEnd = event(key(LocalDate.of(year, 1, 31), "23:00:00.000"));
        EventRecord febStart = event(key(LocalDate.of(year, 2, 1), "01:00:00.000"));
        EventRecord febEnd = event(key(LocalDate.of(year, 2, 28), "12:00:00.000"));
        EventRecord marStart = event(key(LocalDate.of(year, 3, 1), "00:00:00.000"));
        EventRecord decEnd = event(key(LocalDate.of(year, 12, 31), "23:59:59.999"));
        EventRecord newYear = event(key(LocalDate.of(year + 1, 1, 1), "00:00:00.000"));
        port.appendAll(List.of(newYear, decEnd, marStart, febEnd, febStart, janEnd));

        QueryScope monthEnd = new QueryScope.Range(
                key(LocalDate.of(year, 1, 31), "00:00:00.000"), key(LocalDate.of(year, 3, 1), "00:00:00.001"));
        assertEquals(List.of(janEnd, febStart, febEnd, marStart), readAll(EventQuery.of(monthEnd)));

        QueryScope yearEnd = new QueryScope.Range(
                key(LocalDate.of(year, 12, 31), "00:00:00.000"), key(LocalDate.of(year + 1, 1, 2), "00:00:00.000"));
        assertEquals(List.of(newYear, decEnd), readAll(EventQuery.of(yearEnd).withOrder(SortOrder.DESC)));
    }

    @Test
    void range_ofAFullYear_findsEventsAtBothEnds() {
        int year = uniqueYear();
        EventRecord first = event(key(LocalDate.of(year, 1, 1), "00:00:00.000"));
        EventRecord last = event(key(LocalDate.of(year, 12, 31), "23:59:59.999"));
        port.appendAll(List.of(last, first));
        QueryScope wholeYear = new QueryScope.Range(
                key(LocalDate.of(year, 1, 1), "00:00:00.000"), key(LocalDate.of(year + 1, 1, 1), "00:00:00.000"));

        assertEquals(List.of(first, last), readAll(EventQuery.of(wholeYear).withLimit(1)));
    }

    // ---- filters --------------------------------------------------------------------------------------

    @Test
    void filters_byUserAndByTypeAndBoth() {
        LocalDate day = uniqueDay();
        String alice = uniqueUser();
        String bob = uniqueUser();
        EventRecord aliceLogin = event(key(day, "08:00:00.000"), alice, "login");
        EventRecord bobLogin = event(key(day, "08:00:01.000"), bob, "login");
        EventRecord aliceView = event(key(day, "08:00:02.000"), alice, "view");
        EventRecord bobView = event(key(day, "08:00:03.000"), bob, "view");
        port.appendAll(List.of(aliceLogin, bobLogin, aliceView, bobView));
        EventQuery dayQuery = EventQuery.of(new QueryScope.Day(day));
        EventQuery rangeQuery =
                EventQuery.of(new QueryScope.Range(key(day, "00:00:00.000"), key(day.plusDays(1), "00:00:00.000")));

        for (EventQuery query : List.of(dayQuery, rangeQuery)) {
            assertEquals(List.of(aliceLogin, aliceView), readAll(query.withUserId(alice)));
            assertEquals(
                    List.of(bobView, aliceView),
                    readAll(query.withEventType("view").withOrder(SortOrder.DESC)));
            assertEquals(List.of(bobLogin), readAll(query.withUserId(bob).withEventType("login")));
            assertEquals(List.of(), readAll(query.withUserId(uniqueUser())));
        }
        assertEquals(
                Set.of(aliceLogin, aliceView),
                Set.copyOf(readAll(EventQuery.of(new QueryScope.AllEvents()).withUserId(alice))));
    }

    @Test
    void sparseFilter_stillFillsPages() {
        LocalDate day = uniqueDay();
        String rare = uniqueUser();
        List<EventRecord> events = new ArrayList<>();
        List<EventRecord> rareOnes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            EventRecord e = i % 20 == 7
                    ? event(key(day, 10, i / 60, i % 60, 0), rare, "view")
                    : event(key(day, 10, i / 60, i % 60, 0));
            events.add(e);
            if (e.userId().equals(rare)) {
                rareOnes.add(e);
            }
        }
        appendInBatches(events);

        Page first = port.query(
                EventQuery.of(new QueryScope.Day(day)).withUserId(rare).withLimit(4), Optional.empty());

        assertEquals(rareOnes.subList(0, 4), first.items());
        assertTrue(first.hasMore());
    }

    // ---- a user's history ------------------------------------------------------------------------------

    /** A user's events on many days of a year of their own, with another user's events in the same milliseconds. */
    private record History(String user, String other, List<EventRecord> mine, List<EventRecord> theirs) {}

    private History historyOverManyDays(int year) {
        String user = uniqueUser();
        String other = uniqueUser();
        List<EventRecord> mine = new ArrayList<>();
        List<EventRecord> theirs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            EventTime at = key(LocalDate.of(year, 1, 1).plusDays(i * 9L), i % 24, i % 60, (i * 7) % 60, i * 13 % 1000);
            mine.add(event(at, user, i % 4 == 0 ? "login" : "view"));
            // Same millisecond, another user: only the id tells the two apart.
            theirs.add(event(at, other, i % 4 == 0 ? "login" : "view"));
        }
        List<EventRecord> all = new ArrayList<>(mine);
        all.addAll(theirs);
        appendInBatches(all);
        return new History(user, other, sorted(mine), sorted(theirs));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 1000})
    void userHistory_withoutDate_comesInKeyOrderBothWays(int pageSize) {
        History history = historyOverManyDays(uniqueYear());
        List<EventRecord> descending = new ArrayList<>(history.mine());
        Collections.reverse(descending);
        EventQuery byUser = EventQuery.of(new QueryScope.AllEvents())
                .withUserId(history.user())
                .withLimit(pageSize);

        assertEquals(history.mine(), readAll(byUser));
        assertEquals(descending, readAll(byUser.withOrder(SortOrder.DESC)));
        assertEquals(history.theirs(), readAll(byUser.withUserId(history.other())));
    }

    @Test
    void userHistory_firstPageOfManyDays_holdsTheOldestAndTheNewestEvents() {
        History history = historyOverManyDays(uniqueYear());
        EventQuery byUser = EventQuery.of(new QueryScope.AllEvents())
                .withUserId(history.user())
                .withLimit(5);

        Page oldest = port.query(byUser, Optional.empty());
        Page newest = port.query(byUser.withOrder(SortOrder.DESC), Optional.empty());

        assertEquals(history.mine().subList(0, 5), oldest.items());
        assertTrue(oldest.hasMore());
        List<EventRecord> lastFive = new ArrayList<>(
                history.mine().subList(history.mine().size() - 5, history.mine().size()));
        Collections.reverse(lastFive);
        assertEquals(lastFive, newest.items());
        assertTrue(newest.hasMore());
    }

    @Test
    void userHistory_combinesWithTypeDateAndRange() {
        int year = uniqueYear();
        History history = historyOverManyDays(year);
        EventQuery everything = EventQuery.of(new QueryScope.AllEvents())
                .withUserId(history.user())
                .withLimit(2);
        LocalDate busyDay = history.mine().get(10).key().date();
        EventTime from = history.mine().get(5).key().moment();
        EventTime to = history.mine().get(25).key().moment();
        QueryScope.Range range = new QueryScope.Range(from, to);

        assertEquals(
                history.mine().stream()
                        .filter(e -> e.eventType().equals("login"))
                        .toList(),
                readAll(everything.withEventType("login")));
        assertEquals(
                history.mine().stream()
                        .filter(e -> e.key().date().equals(busyDay))
                        .toList(),
                readAll(new EventQuery(new QueryScope.Day(busyDay), history.user(), null, SortOrder.ASC, 2)));
        assertEquals(
                history.mine().subList(5, 25), readAll(new EventQuery(range, history.user(), null, SortOrder.ASC, 2)));
        List<EventRecord> viewsInRangeNewestFirst = new ArrayList<>(history.mine().subList(5, 25).stream()
                .filter(e -> e.eventType().equals("view"))
                .toList());
        Collections.reverse(viewsInRangeNewestFirst);
        assertEquals(
                viewsInRangeNewestFirst, readAll(new EventQuery(range, history.user(), "view", SortOrder.DESC, 3)));
        assertEquals(
                List.of(),
                readAll(new EventQuery(
                        new QueryScope.Day(LocalDate.of(year, 12, 31)), history.user(), null, SortOrder.DESC, 5)));
    }

    @Test
    void userHistory_neverIncludesAnotherUsersEventsOfTheSameMillisecond() {
        LocalDate day = uniqueDay();
        String alice = uniqueUser();
        String bob = uniqueUser();
        EventTime at = key(day, "09:30:00.250");
        List<EventRecord> aliceEvents = new ArrayList<>();
        List<EventRecord> bobEvents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            aliceEvents.add(event(at.withId("a-" + i), alice, "view"));
            bobEvents.add(event(at.withId("b-" + i), bob, "view"));
        }
        List<EventRecord> all = new ArrayList<>(aliceEvents);
        all.addAll(bobEvents);
        appendInBatches(all);

        for (SortOrder order : SortOrder.values()) {
            for (QueryScope scope : List.of(new QueryScope.AllEvents(), new QueryScope.Day(day))) {
                List<EventRecord> read = readAll(new EventQuery(scope, alice, null, order, 4));
                List<EventRecord> expected = new ArrayList<>(aliceEvents);
                if (order == SortOrder.DESC) {
                    Collections.reverse(expected);
                }
                assertEquals(expected, read, order + " " + scope);
            }
        }
    }

    @Test
    void unknownUser_withoutDate_isAnEmptyLastPageInEitherOrder() {
        for (SortOrder order : SortOrder.values()) {
            Page page = port.query(
                    new EventQuery(new QueryScope.AllEvents(), uniqueUser(), null, order, 10), Optional.empty());
            assertEquals(List.of(), page.items());
            assertFalse(page.hasMore());
        }
    }

    // ---- pages ----------------------------------------------------------------------------------------

    @Test
    void limit_capsThePage() {
        LocalDate day = uniqueDay();
        List<EventRecord> events = IntStream.range(0, 10)
                .mapToObj(i -> event(key(day, 7, 0, i, 0)))
                .toList();
        port.appendAll(events);

        Page page = port.query(EventQuery.of(new QueryScope.Day(day)).withLimit(3), Optional.empty());

        assertEquals(events.subList(0, 3), page.items());
        assertTrue(page.hasMore());
    }

    @Test
    void pageThatEndsExactlyAtTheLastEvent_hasNoResumeKey() {
        LocalDate day = uniqueDay();
        List<EventRecord> events =
                IntStream.range(0, 6).mapToObj(i -> event(key(day, 7, 0, i, 0))).toList();
        port.appendAll(events);
        EventQuery query = EventQuery.of(new QueryScope.Day(day)).withLimit(3);

        Page first = port.query(query, Optional.empty());
        Page second = port.query(query, first.resumeAfter());

        assertEquals(events.subList(3, 6), second.items());
        assertFalse(second.hasMore());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 1000})
    void pagination_returnsEveryMatchingEventExactlyOnce(int pageSize) {
        int year = uniqueYear();
        String user = uniqueUser();
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            LocalDate day = LocalDate.of(year, 12, 29).plusDays(i % 5);
            events.add(event(key(day, i % 24, i % 60, (i * 7) % 60, i % 1000), user, i % 3 == 0 ? "login" : "view"));
        }
        appendInBatches(events);
        List<EventRecord> ascending =
                events.stream().sorted(Comparator.comparing(EventRecord::key)).toList();
        List<EventRecord> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        QueryScope range = new QueryScope.Range(
                key(LocalDate.of(year, 12, 29), "00:00:00.000"), key(LocalDate.of(year + 1, 1, 3), "00:00:00.000"));
        LocalDate middleDay = LocalDate.of(year, 12, 31);

        assertEquals(ascending, readAll(EventQuery.of(range).withLimit(pageSize)));
        assertEquals(
                descending, readAll(EventQuery.of(range).withLimit(pageSize).withOrder(SortOrder.DESC)));
        assertEquals(
                ascending.stream().filter(e -> e.key().date().equals(middleDay)).toList(),
                readAll(EventQuery.of(new QueryScope.Day(middleDay)).withLimit(pageSize)));
        assertEquals(
                ascending.stream().filter(e -> e.eventType().equals("login")).toList(),
                readAll(EventQuery.of(range).withEventType("login").withLimit(pageSize)));
        assertEquals(
                Set.copyOf(events),
                Set.copyOf(readAll(EventQuery.of(new QueryScope.AllEvents())
                        .withUserId(user)
                        .withLimit(pageSize))));
    }

    @Test
    void scanOfAllEvents_coversManyDaysWithoutRepeats() {
        int year = uniqueYear();
        String user = uniqueUser();
        List<EventRecord> events = IntStream.range(0, 60)
                .mapToObj(i -> event(key(LocalDate.of(year, 1, 1).plusDays(i * 6L), "12:00:00.000"), user, "scan"))
                .toList();
        appendInBatches(events);

        List<EventRecord> everything =
                readAll(EventQuery.of(new QueryScope.AllEvents()).withLimit(1000));
        List<EventRecord> ours =
                everything.stream().filter(e -> e.userId().equals(user)).toList();

        assertEquals(events.size(), ours.size(), "each of ours exactly once");
        assertEquals(Set.copyOf(events), Set.copyOf(ours));
        assertEquals(
                everything.size(),
                new HashSet<>(everything.stream().map(EventRecord::key).toList()).size(),
                "no key repeated");
    }

    // ---- concurrency ----------------------------------------------------------------------------------

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentAppendsOfDistinctEvents_areAllStored() throws Exception {
        LocalDate day = uniqueDay();
        int threads = 8;
        int perThread = 25;
        List<Callable<List<AppendResult>>> writers = new ArrayList<>();
        List<EventRecord> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<EventRecord> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                mine.add(event(key(day, t, i, 0, 0), "writer-" + t, "load"));
            }
            all.addAll(mine);
            writers.add(() -> mine.stream().map(port::append).toList());
        }

        for (List<AppendResult> results : runTogether(writers)) {
            assertTrue(results.stream().allMatch(r -> r.outcome() == AppendOutcome.CREATED));
        }

        assertEquals(
                all.stream().sorted(Comparator.comparing(EventRecord::key)).toList(),
                readAll(EventQuery.of(new QueryScope.Day(day)).withLimit(1000)));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentAppendsOfOneKeyWithDifferentContent_storeExactlyOneAndNeverOverwrite() throws Exception {
        EventKey key = key(uniqueDay(), "12:34:56.789").withId("raced");
        List<EventRecord> rivals = IntStream.range(0, 8)
                .mapToObj(i -> event(key, "rival-" + i, "race"))
                .toList();

        List<AppendResult> results = runTogether(rivals.stream()
                .<Callable<AppendResult>>map(e -> () -> port.append(e))
                .toList());

        List<AppendResult> winners = results.stream()
                .filter(r -> r.outcome() == AppendOutcome.CREATED)
                .toList();
        assertEquals(1, winners.size(), "exactly one append creates the event");
        assertEquals(
                7,
                results.stream()
                        .filter(r -> r.outcome() == AppendOutcome.CONFLICT)
                        .count());
        assertEquals(Optional.of(winners.get(0).event()), port.find(key));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentAppendsOfTheSameEvent_createOnceAndReportTheRestAsExisting() throws Exception {
        EventRecord same = event(key(uniqueDay(), "01:02:03.004"), uniqueUser(), "retry");

        List<AppendResult> results = runTogether(IntStream.range(0, 8)
                .<Callable<AppendResult>>mapToObj(
                        i -> () -> port.append(event(same.key(), same.userId(), same.eventType())))
                .toList());

        assertEquals(
                1,
                results.stream()
                        .filter(r -> r.outcome() == AppendOutcome.CREATED)
                        .count());
        assertEquals(
                7,
                results.stream()
                        .filter(r -> r.outcome() == AppendOutcome.EXISTING)
                        .count());
        assertEquals(Optional.of(same), port.find(same.key()));
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** Every page of the query, followed to the end (see {@link TestEvents#readAll}). */
    protected List<EventRecord> readAll(EventQuery query) {
        return TestEvents.readAll(port, query);
    }

    protected void appendInBatches(List<EventRecord> events) {
        for (int i = 0; i < events.size(); i += 25) {
            List<AppendResult> results = port.appendAll(events.subList(i, Math.min(events.size(), i + 25)));
            assertTrue(
                    results.stream().allMatch(r -> r.outcome() == AppendOutcome.CREATED),
                    () -> results.stream().map(r -> r.outcome().label()).collect(Collectors.joining(",")));
        }
    }

    protected static List<EventRecord> sorted(List<EventRecord> events) {
        return events.stream().sorted(Comparator.comparing(EventRecord::key)).toList();
    }

    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
