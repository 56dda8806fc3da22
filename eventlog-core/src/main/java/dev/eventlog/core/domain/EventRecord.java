package dev.eventlog.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded event: who ({@code userId}) did what ({@code eventType}) at which key, with optional
 * string attributes. Always valid: the constructor rejects, with every broken rule, what the data model forbids. It
 * is the one check of the content of events that adapters read back; a draft checks its content once, with its
 * other fields, and hands it over as {@link CheckedContent}, which is taken as it is.
 */
public record EventRecord(EventKey key, String userId, String eventType, Map<String, String> attributes) {

    public static final int MAX_USER_ID = 128;
    public static final int MAX_EVENT_TYPE = 64;
    public static final int MAX_ATTRIBUTES = 32;
    public static final int MAX_ATTRIBUTE_KEY = 64;
    public static final int MAX_ATTRIBUTE_VALUE = 1024;

    public EventRecord {
        Objects.requireNonNull(key, "key");
        if (attributes instanceof CheckedContent checked && checked.isFor(userId, eventType)) {
            attributes = checked.attributes();
        } else {
            List<FieldError> errors = contentErrors(userId, eventType, attributes);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            attributes = CheckedContent.readOnlyCopy(attributes);
        }
    }

    public EventRecord(EventKey key, String userId, String eventType) {
        this(key, userId, eventType, Map.of());
    }

    /** The event at {@code time} whose id is derived from its content (see {@link EventIds#derive}). */
    public static EventRecord derived(EventTime time, String userId, String eventType, Map<String, String> attributes) {
        List<FieldError> errors = new ArrayList<>();
        CheckedContent content = CheckedContent.check(userId, eventType, attributes, errors);
        if (content == null) {
            throw new InvalidInputException(errors);
        }
        return derived(time, content);
    }

    /** The event at {@code time} with already checked content and the id derived from it. */
    static EventRecord derived(EventTime time, CheckedContent content) {
        return of(time.withId(EventIds.derive(content.userId(), content.eventType(), content.attributes())), content);
    }

    /** The event at {@code key} with already checked content: nothing is checked or copied again. */
    static EventRecord of(EventKey key, CheckedContent content) {
        return new EventRecord(key, content.userId(), content.eventType(), content);
    }

    public String eventId() {
        return key.eventId();
    }

    /** Every rule that the non-key fields break; empty when they make a valid event. */
    public static List<FieldError> contentErrors(String userId, String eventType, Map<String, String> attributes) {
        List<FieldError> errors = new ArrayList<>();
        addContentErrors(userId, eventType, attributes, errors);
        return errors;
    }

    /** Adds to {@code errors} every rule that the non-key fields break. */
    static void addContentErrors(
            String userId, String eventType, Map<String, String> attributes, List<FieldError> errors) {
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
    }
}
