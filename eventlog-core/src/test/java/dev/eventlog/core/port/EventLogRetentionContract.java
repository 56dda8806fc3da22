package dev.eventlog.core.port;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.readAll;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static dev.eventlog.core.port.TestEvents.uniqueUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import dev.eventlog.core.retention.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The retention part of the port's contract: a store built with a {@link RetentionPolicy} never returns an event
 * past its period, by any read, whether or not it has deleted it yet. The clock is set by each test, never waited on.
 * An adapter's test extends this class and supplies a port on the given policy; events go to keys of their own.
 */
public abstract class EventLogRetentionContract {

    private static final Duration ONE_DAY = Duration.ofDays(1);

    /** A port that applies {@code retention}; it may share its storage with other tests and other ports. */
    protected abstract EventLogPort createPort(RetentionPolicy retention);

    @Test
    void eventInsideThePeriod_isFoundAndListed() {
        LocalDate day = uniqueDay();
        EventRecord event = event(key(day, "10:00:00.000"));
        SettableClock clock =
                new SettableClock(event.key().instant().plus(ONE_DAY).minusSeconds(1));
        EventLogPort port = createPort(RetentionPolicy.days(1, clock));

        assertEquals(AppendOutcome.CREATED, port.append(event).outcome());

        assertEquals(Optional.of(event), port.find(event.key()));
        assertEquals(List.of(event), readAll(port, EventQuery.of(new QueryScope.Day(day))));
    }

    @Test
    void eventPastThePeriod_isNeitherFoundNorListedByAnyRead() {
        LocalDate day = uniqueDay();
        String user = uniqueUser();
        EventRecord event = event(key(day, "10:00:00.000"), user, "login");
        SettableClock clock = new SettableClock(event.key().instant());
        EventLogPort port = createPort(RetentionPolicy.days(1, clock));
        port.append(event);

        clock.advance(ONE_DAY);

        assertEquals(Optional.empty(), port.find(event.key()));
        assertEquals(List.of(), readAll(port, EventQuery.of(new QueryScope.Day(day))));
        assertEquals(
                List.of(), readAll(port, EventQuery.of(new QueryScope.Day(day)).withOrder(SortOrder.DESC)));
        assertEquals(
                List.of(),
                readAll(
                        port,
                        EventQuery.of(
                                new QueryScope.Range(key(day, "00:00:00.000"), key(day.plusDays(1), "00:00:00.000")))));
        assertEquals(
                List.of(),
                readAll(port, EventQuery.of(new QueryScope.AllEvents()).withUserId(user)));
    }

    @Test
    void expiry_beginsAtTheSecondExpiresAtNames() {
        LocalDate day = uniqueDay();
        EventRecord event = event(key(day, "10:00:00.750"));
        SettableClock clock = new SettableClock(event.key().instant());
        RetentionPolicy retention = RetentionPolicy.days(1, clock);
        EventLogPort port = createPort(retention);
        port.append(event);
        Instant expiresAt = Instant.ofEpochSecond(retention.expiresAt(event).getAsLong());

        clock.set(expiresAt.minusMillis(1));
        assertEquals(Optional.of(event), port.find(event.key()));

        clock.set(expiresAt);
        assertEquals(Optional.empty(), port.find(event.key()));
    }

    @Test
    void expiredEventsAmongLiveOnes_pagesReturnEveryLiveEventOnce() {
        LocalDate day = uniqueDay();
        List<EventRecord> events = new ArrayList<>();
        for (int hour = 1; hour <= 8; hour++) {
            events.add(event(key(day, hour, 0, 0, 0)));
        }
        // Half a day after 04:30 on the next day: the events of hours 1 to 4 are past a one-day period.
        SettableClock clock = new SettableClock(events.get(0).key().instant());
        EventLogPort port = createPort(RetentionPolicy.days(1, clock));
        port.appendAll(events);
        clock.set(key(day.plusDays(1), "04:30:00.000").instant());
        List<EventRecord> live = events.subList(4, 8);

        for (int pageSize : new int[] {1, 2, 3, 100}) {
            EventQuery query = EventQuery.of(new QueryScope.Day(day)).withLimit(pageSize);
            assertEquals(live, readAll(port, query), "page size " + pageSize);
            assertEquals(
                    reversed(live),
                    readAll(port, query.withOrder(SortOrder.DESC)),
                    "page size " + pageSize + ", descending");
        }
    }

    @Test
    void keepForever_neverHidesAnEvent() {
        // Long past, so that a store applying any period at all would hide it; its own user keeps it apart.
        LocalDate day = LocalDate.of(2000, 1, 1);
        EventRecord event = event(key(day, "10:00:00.000"));
        EventLogPort port = createPort(RetentionPolicy.keepForever());
        port.append(event);

        assertTrue(port.find(event.key()).isPresent());
        assertEquals(
                List.of(event),
                readAll(port, EventQuery.of(new QueryScope.Day(day)).withUserId(event.userId())));
    }

    @Test
    void periodIsCountedFromTheEventsInstant_notFromTheWrite() {
        LocalDate day = uniqueDay();
        EventRecord old = event(key(day, "10:00:00.000"));
        EventRecord recent = event(key(day.plusDays(3), "10:00:00.000"));
        SettableClock clock = new SettableClock(recent.key().instant());
        EventLogPort port = createPort(RetentionPolicy.days(2, clock));

        port.appendAll(List.of(old, recent));

        assertEquals(Optional.empty(), port.find(old.key()));
        assertEquals(Optional.of(recent), port.find(recent.key()));
        assertEquals(
                List.of(recent),
                readAll(
                        port,
                        EventQuery.of(
                                new QueryScope.Range(key(day, "00:00:00.000"), key(day.plusDays(4), "00:00:00.000")))));
    }

    private static List<EventRecord> reversed(List<EventRecord> events) {
        List<EventRecord> copy = new ArrayList<>(events);
        Collections.reverse(copy);
        return copy;
    }
}
