package dev.eventlog.core.port;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data: events at keys no other test uses, so tests stay independent on a shared store. */
public final class TestEvents {

    /** Years are handed out two at a time from a random start, so ranges across a year end stay private too. */
    private static final AtomicInteger NEXT_YEAR =
            new AtomicInteger(2100 + ThreadLocalRandom.current().nextInt(0, 2000) * 2);

    private static final AtomicInteger NEXT_USER = new AtomicInteger();

    private TestEvents() {}

    /** A year that no other call returns, with the year after it also unused. */
    public static int uniqueYear() {
        return NEXT_YEAR.getAndAdd(2);
    }

    /** A day that no other call returns. */
    public static LocalDate uniqueDay() {
        return LocalDate.of(uniqueYear(), 6, 15);
    }

    /** A user id no other call returns. */
    public static String uniqueUser() {
        return "user-" + ThreadLocalRandom.current().nextInt(1_000_000) + "-" + NEXT_USER.incrementAndGet();
    }

    /** A time of the day (the key without its id). */
    public static EventTime key(LocalDate day, String time) {
        return EventTime.parse(day.toString(), time);
    }

    public static EventTime key(LocalDate day, int hour, int minute, int second, int millis) {
        return new EventTime(day, LocalTime.of(hour, minute, second, millis * 1_000_000));
    }

    /** An event at {@code at} whose id is derived from its content, as for a client that sends no id. */
    public static EventRecord event(EventTime at, String userId, String eventType) {
        return EventRecord.derived(at, userId, eventType, Map.of());
    }

    public static EventRecord event(EventTime at, String userId, String eventType, Map<String, String> attributes) {
        return EventRecord.derived(at, userId, eventType, attributes);
    }

    /** An event at {@code at} for a fresh user, type {@code login}, with its derived id. */
    public static EventRecord event(EventTime at) {
        return event(at, uniqueUser(), "login");
    }

    /** An event with exactly this identity, as for a client that sends its own id. */
    public static EventRecord event(EventKey key, String userId, String eventType) {
        return new EventRecord(key, userId, eventType);
    }

    public static EventRecord event(EventKey key, String userId, String eventType, Map<String, String> attributes) {
        return new EventRecord(key, userId, eventType, attributes);
    }

    /** Every page of the query, followed to the end; fails if a page breaks the limit or makes no progress. */
    public static List<EventRecord> readAll(EventLogPort port, EventQuery query) {
        return readAll(port, query, Integer.MAX_VALUE, query.limit());
    }

    /**
     * Every page of the query, followed to the end: the first {@code firstPages} pages of the query's limit, the
     * rest of {@code thenLimit} (a client may change the page size between pages); fails if a page breaks its limit
     * or makes no progress.
     */
    public static List<EventRecord> readAll(EventLogPort port, EventQuery query, int firstPages, int thenLimit) {
        List<EventRecord> all = new ArrayList<>();
        Optional<EventKey> after = Optional.empty();
        for (int pages = 0; pages < 100_000; pages++) {
            if (pages == firstPages) {
                query = query.withLimit(thenLimit);
            }
            Page page = port.query(query, after);
            assertTrue(page.items().size() <= query.limit(), "page larger than its limit");
            all.addAll(page.items());
            if (!page.hasMore()) {
                return all;
            }
            assertFalse(page.items().isEmpty() && after.equals(page.resumeAfter()), "a page must make progress");
            after = page.resumeAfter();
        }
        throw new AssertionError("pagination did not end");
    }
}
