package dev.eventlog.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An event's identity: its UTC date, its UTC time of day to the millisecond, and its {@code eventId}, so that two
 * different events in the same millisecond are two events. Keys sort by time, then by id.
 */
public record EventKey(LocalDate date, LocalTime time, String eventId) implements Comparable<EventKey> {

    private static final Comparator<EventKey> ORDER =
            Comparator.comparing(EventKey::date).thenComparing(EventKey::time).thenComparing(EventKey::eventId);

    /**
     * Checks only what every key must hold, whoever builds it (a draft, a page token, a stored item): cheap tests
     * that allocate nothing when they pass. The messages for a client's text come from {@link #parse} and the draft.
     */
    public EventKey {
        // The time is checked first so that a bad time is reported before a bad id, as the fields read.
        EventTime.checkInvariants(date, time);
        if (!EventIds.valid(eventId)) {
            List<FieldError> errors = new ArrayList<>();
            EventIds.check("eventId", eventId, errors);
            throw new InvalidInputException(errors);
        }
    }

    /** Parses the three text forms, reporting every broken rule. */
    public static EventKey parse(String date, String time, String eventId) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = EventTime.parseDate("date", date, errors);
        LocalTime t = EventTime.parseTime("time", time, errors);
        EventIds.check("eventId", eventId, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new EventKey(d, t, eventId);
    }

    /** The date and time without the id. */
    public EventTime moment() {
        return new EventTime(date, time);
    }

    /** The date as stored: {@code YYYY-MM-DD}. */
    public String dateText() {
        return moment().dateText();
    }

    /** The time as stored: {@code HH:mm:ss.SSS}. */
    public String timeText() {
        return moment().timeText();
    }

    public Instant instant() {
        return moment().instant();
    }

    @Override
    public int compareTo(EventKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return dateText() + "/" + timeText() + "/" + eventId;
    }
}
