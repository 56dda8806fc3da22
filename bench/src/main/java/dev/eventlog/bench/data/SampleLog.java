package dev.eventlog.bench.data;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/**
 * The synthetic log every benchmark reads: {@value #EVENTS_PER_DAY} events a day from {@link #FIRST_DAY} on, one
 * every {@value #SPACING_MS} ms from midnight, so a log of n events spans n / {@value #EVENTS_PER_DAY} days and
 * a one-day read walks the same partition size whatever the log's length, as in a log that grows by days.
 */
public final class SampleLog {

    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    public static final int EVENTS_PER_DAY = 1000;
    public static final int SPACING_MS = 60_000;
    private static final String[] TYPES = {"login", "logout", "purchase", "view"};

    private SampleLog() {
    }

    /** The n-th event of the log (0-based). */
    public static EventRecord event(int n) {
        return EventRecord.derived(time(n), userId(n), eventType(n), Map.of("source", "bench", "seq", Integer.toString(n)));
    }

    /** The n-th event's key: its time and the id derived from its content, as the store derives it. */
    public static EventKey key(int n) {
        return event(n).key();
    }

    public static EventTime time(int n) {
        LocalDate day = FIRST_DAY.plusDays(n / EVENTS_PER_DAY);
        LocalTime time = LocalTime.MIDNIGHT.plusNanos((long) (n % EVENTS_PER_DAY) * SPACING_MS * 1_000_000L);
        return new EventTime(day, time);
    }

    /** The range key the store writes for {@code key}: {@code HH:mm:ss.SSS#<eventId>}. */
    public static String rangeKey(EventKey key) {
        return key.timeText() + "#" + key.eventId();
    }

    /** The GET-by-key path of {@code key}. */
    public static String path(EventKey key) {
        return "/events/" + key.dateText() + "/" + key.timeText() + "/" + key.eventId();
    }

    public static String userId(int n) {
        return "user-" + (n % 97);
    }

    public static String eventType(int n) {
        return TYPES[n % TYPES.length];
    }

    /** The last day holding events in a log of {@code size} events: reads target it, the newest partition. */
    public static LocalDate lastDay(int size) {
        return key(size - 1).date();
    }

    /** A draft without date and time: the server stamps it, so every write is a real create. */
    public static EventDraft stampedDraft(int n) {
        return new EventDraft(null, null, userId(n), eventType(n), Map.of("source", "bench"));
    }

    /** The JSON body of one server-stamped event. */
    public static String stampedJson(int n) {
        return "{\"userId\":\"" + userId(n) + "\",\"eventType\":\"" + eventType(n) + "\",\"attributes\":{\"source\":\"bench\"}}";
    }

    /**
     * The JSON body of one event whose client gives its time, so its id is derived from its content: the n-th
     * of a log that starts a hundred years after this one's, so it never meets the seeded events, and tagged with
     * {@code run}, so that a second run on the same table records new events rather than finding its own.
     */
    public static String timedJson(int n, String run) {
        EventTime at = time(n);
        return "{\"date\":\"" + at.date().plusYears(100) + "\",\"time\":\"" + at.timeText() + "\",\"userId\":\""
                + userId(n) + "\",\"eventType\":\"" + eventType(n) + "\",\"attributes\":{\"source\":\"bench\",\"run\":\""
                + run + "\"}}";
    }

    /** The JSON body of a batch of {@code count} server-stamped events. */
    public static String stampedBatchJson(int first, int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append(stampedJson(first + i));
        }
        return json.append(']').toString();
    }
}
