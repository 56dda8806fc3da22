package dev.eventlog.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event as a client sent it, not yet validated: every field may be missing or wrong.
 * With neither {@code date} nor {@code time} the server stamps the current time.
 */
public record EventDraft(String date, String time, String userId, String eventType, Map<String, String> attributes) {

    public EventDraft(String date, String time, String userId, String eventType) {
        this(date, time, userId, eventType, null);
    }

    /** True when the client left both key fields out, so the server picks the key. */
    public boolean stampedByServer() {
        return date == null && time == null;
    }

    /** Every rule this draft breaks, field by field; empty when it makes a valid event. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (!stampedByServer()) {
            if (date == null) {
                errors.add(new FieldError("date", "is required when 'time' is given (omit both to let the server stamp the time)"));
            } else {
                EventKey.parseDate("date", date, errors);
            }
            if (time == null) {
                errors.add(new FieldError("time", "is required when 'date' is given (omit both to let the server stamp the time)"));
            } else {
                EventKey.parseTime("time", time, errors);
            }
        }
        errors.addAll(EventRecord.contentErrors(userId, eventType, attributes));
        return errors;
    }

    /** The event this draft describes, at its own key. */
    public EventRecord toRecord() {
        if (stampedByServer()) {
            throw new IllegalStateException("a draft without date and time needs a key from the server");
        }
        return toRecord(EventKey.parse(date, time));
    }

    /** The event this draft describes, at the given key. */
    public EventRecord toRecord(EventKey key) {
        return new EventRecord(key, userId, eventType, attributes);
    }
}
