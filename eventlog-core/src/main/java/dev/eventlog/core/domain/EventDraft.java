package dev.eventlog.core.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

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

    /**
     * Checks the draft once and builds the event from the values that check parsed: its own time, or (for a draft
     * without one) the time of {@code clock} and a random id; its own id, or the one derived from its content.
     * A server-stamped event is a new event each time it arrives, so it takes a random id: events stamped in the
     * same millisecond are distinct without any search for a free millisecond.
     */
    public Validated validate(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return validate(() -> EventTime.at(clock.instant()).withId(EventIds.random()));
    }

    /** Every rule this draft breaks, field by field; empty when it makes a valid event. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        check(errors);
        return errors;
    }

    /** The event this draft describes at its own time: with its own id, or the one derived from its content. */
    public EventRecord toRecord() {
        if (stampedByServer()) {
            throw new IllegalStateException("a draft without a time needs one from the server");
        }
        return validate(() -> {
                    throw new IllegalStateException("a draft with a time keeps it");
                })
                .orThrow();
    }

    /**
     * The event this draft describes at a time the server stamped, with {@code freshId}. A draft with an
     * {@code eventId} always has its own time (see {@link #errors}).
     */
    public EventRecord toRecord(EventTime stamped, String freshId) {
        if (!stampedByServer()) {
            throw new IllegalStateException(
                    eventId != null
                            ? "a draft with an eventId carries its own time"
                            : "a draft with a time keeps it: use toRecord()");
        }
        return validate(() -> stamped.withId(freshId)).orThrow();
    }

    /** The one check and build behind every way to get the event; {@code stamp} keys a draft without a time. */
    private Validated validate(Supplier<EventKey> stamp) {
        List<FieldError> errors = new ArrayList<>();
        Checked checked = check(errors);
        if (!errors.isEmpty()) {
            return new Validated.Invalid(errors);
        }
        if (checked.at() == null) {
            return new Validated.Valid(EventRecord.of(stamp.get(), checked.content()));
        }
        return new Validated.Valid(
                eventId != null
                        ? EventRecord.of(checked.at().withId(eventId), checked.content())
                        : EventRecord.derived(checked.at(), checked.content()));
    }

    /** What a check parsed: the time the client gave (null when the server stamps it) and the checked content. */
    private record Checked(EventTime at, CheckedContent content) {}

    /**
     * Adds every broken rule to {@code errors}, in the order the fields read: the time, then the id, then the
     * content. What it returns is usable only when it added none.
     */
    private Checked check(List<FieldError> errors) {
        EventTime at = null;
        if (timestamp != null) {
            if (date != null || time != null) {
                String both = date != null && time != null ? "'date' and 'time'" : date != null ? "'date'" : "'time'";
                errors.add(new FieldError(
                        "timestamp",
                        "cannot be combined with " + both
                                + "; give either one RFC 3339 timestamp or a date and a time"));
            } else {
                at = EventTime.parseTimestamp("timestamp", timestamp, errors);
            }
        } else if (!stampedByServer()) {
            LocalDate day = null;
            LocalTime ofDay = null;
            if (date == null) {
                errors.add(new FieldError(
                        "date", "is required when 'time' is given (omit both to let the server stamp the time)"));
            } else {
                day = EventTime.parseDate("date", date, errors);
            }
            if (time == null) {
                errors.add(new FieldError(
                        "time", "is required when 'date' is given (omit both to let the server stamp the time)"));
            } else {
                ofDay = EventTime.parseTime("time", time, errors);
            }
            at = day != null && ofDay != null ? new EventTime(day, ofDay) : null;
        }
        List<FieldError> contentErrors = new ArrayList<>();
        CheckedContent content = CheckedContent.check(userId, eventType, attributes, contentErrors);
        if (eventId != null) {
            if (stampedByServer()) {
                errors.add(new FieldError(
                        "eventId",
                        "needs the event's time: without 'date' and 'time' (or 'timestamp') the server stamps each"
                                + " sending with a new time, so a retry would be recorded as a second event. Send"
                                + " 'date' and 'time' (or 'timestamp') with the 'eventId', or send the time alone and"
                                + " the id is derived from the content"));
            }
            // Only an id of the derived form is compared with the derived one, so only then is it worth deriving.
            String derived = content != null && EventIds.hasDerivedForm(eventId)
                    ? EventIds.derive(userId, eventType, content.attributes())
                    : null;
            EventIds.checkGiven("eventId", eventId, derived, errors);
        }
        errors.addAll(contentErrors);
        return new Checked(at, content);
    }
}
