package dev.eventlog.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event as a client sent it, not yet validated: every field may be missing or wrong. Its time is given as
 * {@code date} and {@code time}, or as one RFC 3339 {@code timestamp}, or not at all (the server stamps it).
 * Without an {@code eventId}, the id is derived from the content when the time is given, random otherwise.
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
        if (eventId != null) {
            EventIds.check("eventId", eventId, errors);
        }
        errors.addAll(EventRecord.contentErrors(userId, eventType, attributes));
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

    /** The event this draft describes at a time the server stamped: with its own id, or {@code freshId}. */
    public EventRecord toRecord(EventTime stamped, String freshId) {
        return new EventRecord(stamped.withId(eventId != null ? eventId : freshId), userId, eventType, attributes);
    }
}
