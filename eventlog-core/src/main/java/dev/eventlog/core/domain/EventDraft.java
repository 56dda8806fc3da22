package dev.eventlog.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event as a client sent it, not yet validated: every field may be missing or wrong. Its time is given as
 * {@code date} and {@code time}, or as one RFC 3339 {@code timestamp}, or not at all (the server stamps it).
 * Without an {@code eventId}, the id is derived from the content when the time is given, random otherwise; an
 * {@code eventId} is an idempotency key only beside a time the client gave, so it needs one.
 */
public record EventDraft(
        String date,
        String time,
        String timestamp,
        String eventId,
        String userId,
        String eventType,
        Map<String, String> attributes) {

    public EventDraft(String date, String time, String userId, String eventType, Map<String, String> attributes) {
        this(date, time, null, null, userId, eventType, attributes);
    }

    public EventDraft(String date, String time, String userId, String eventType) {
        this(date, time, null, null, userId, eventType, null);
    }

    /** True when the client gave no time in either form, so the server picks it. */
    public boolean stampedByServer() {
        return date == null && time == null && timestamp == null;
    }

    /** Every rule this draft breaks, field by field; empty when it makes a valid event. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (timestamp != null) {
            if (date != null || time != null) {
                String both = date != null && time != null ? "'date' and 'time'" : date != null ? "'date'" : "'time'";
                errors.add(new FieldError(
                        "timestamp",
                        "cannot be combined with " + both
                                + "; give either one RFC 3339 timestamp or a date and a time"));
            } else {
                EventTime.parseTimestamp("timestamp", timestamp, errors);
            }
        } else if (!stampedByServer()) {
            if (date == null) {
                errors.add(new FieldError(
                        "date", "is required when 'time' is given (omit both to let the server stamp the time)"));
            } else {
                EventTime.parseDate("date", date, errors);
            }
            if (time == null) {
                errors.add(new FieldError(
                        "time", "is required when 'date' is given (omit both to let the server stamp the time)"));
            } else {
                EventTime.parseTime("time", time, errors);
            }
        }
        List<FieldError> contentErrors = EventRecord.contentErrors(userId, eventType, attributes);
        if (eventId != null) {
            if (stampedByServer()) {
                errors.add(new FieldError(
                        "eventId",
                        "needs the event's time: without 'date' and 'time' (or 'timestamp') the server stamps each"
                                + " sending with a new time, so a retry would be recorded as a second event. Send"
                                + " 'date' and 'time' (or 'timestamp') with the 'eventId', or send the time alone and"
                                + " the id is derived from the content"));
            }
            String derived = contentErrors.isEmpty() ? EventIds.derive(userId, eventType, attributes) : null;
            EventIds.checkGiven("eventId", eventId, derived, errors);
        }
        errors.addAll(contentErrors);
        return errors;
    }

    /** The event this draft describes at its own time: with its own id, or the one derived from its content. */
    public EventRecord toRecord() {
        if (stampedByServer()) {
            throw new IllegalStateException("a draft without a time needs one from the server");
        }
        List<FieldError> errors = new ArrayList<>();
        EventTime at = timestamp != null ? EventTime.parseTimestamp("timestamp", timestamp, errors) : null;
        if (timestamp == null) {
            at = EventTime.parse(date, time);
        } else if (at == null) {
            throw new InvalidInputException(errors);
        }
        return eventId != null
                ? new EventRecord(at.withId(eventId), userId, eventType, attributes)
                : EventRecord.derived(at, userId, eventType, attributes);
    }

    /**
     * The event this draft describes at a time the server stamped, with {@code freshId}. A draft with an
     * {@code eventId} always has its own time (see {@link #errors}).
     */
    public EventRecord toRecord(EventTime stamped, String freshId) {
        if (eventId != null) {
            throw new IllegalStateException("a draft with an eventId carries its own time");
        }
        return new EventRecord(stamped.withId(freshId), userId, eventType, attributes);
    }
}
