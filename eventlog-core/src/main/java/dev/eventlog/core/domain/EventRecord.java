package dev.eventlog.core.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One recorded event: who ({@code userId}) did what ({@code eventType}) at which key, with optional
 * string attributes. Always valid: the constructor rejects, with every broken rule, what the data model forbids.
 */
public record EventRecord(EventKey key, String userId, String eventType, Map<String, String> attributes) {

    public static final int MAX_USER_ID = 128;
    public static final int MAX_EVENT_TYPE = 64;
    public static final int MAX_ATTRIBUTES = 32;
    public static final int MAX_ATTRIBUTE_KEY = 64;
    public static final int MAX_ATTRIBUTE_VALUE = 1024;

    public EventRecord {
        Objects.requireNonNull(key, "key");
        List<FieldError> errors = contentErrors(userId, eventType, attributes);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public EventRecord(EventKey key, String userId, String eventType) {
        this(key, userId, eventType, Map.of());
    }

    /** The event at {@code time} whose id is derived from its content (see {@link EventIds#derive}). */
    public static EventRecord derived(EventTime time, String userId, String eventType, Map<String, String> attributes) {
        List<FieldError> errors = contentErrors(userId, eventType, attributes);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new EventRecord(
                time.withId(EventIds.derive(userId, eventType, attributes)), userId, eventType, attributes);
    }

    public String eventId() {
        return key.eventId();
    }

    /** Every rule that the non-key fields break; empty when they make a valid event. */
    public static List<FieldError> contentErrors(String userId, String eventType, Map<String, String> attributes) {
        List<FieldError> errors = new ArrayList<>();
        TextRules.check("userId", userId, 1, MAX_USER_ID, errors);
        TextRules.check("eventType", eventType, 1, MAX_EVENT_TYPE, errors);
        if (attributes != null) {
            if (attributes.size() > MAX_ATTRIBUTES) {
                errors.add(new FieldError(
                        "attributes",
                        "must have at most " + MAX_ATTRIBUTES + " entries (got " + attributes.size() + ")"));
            }
            for (Map.Entry<String, String> entry : attributes.entrySet()) {
                String name = entry.getKey();
                if (name == null) {
                    errors.add(new FieldError("attributes", "must not have a null name"));
                    continue;
                }
                String field = "attributes." + name;
                int before = errors.size();
                TextRules.check(field, name, 1, MAX_ATTRIBUTE_KEY, errors);
                for (int i = before; i < errors.size(); i++) {
                    errors.set(i, new FieldError(field, "name " + errors.get(i).message()));
                }
                TextRules.check(field, entry.getValue(), 0, MAX_ATTRIBUTE_VALUE, errors);
            }
        }
        return errors;
    }
}
