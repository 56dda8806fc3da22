package dev.eventlog.core.domain;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An event's attributes, copied once into name order and made read-only, together with the user and type they
 * passed the content rules with. A record's canonical constructor is its only constructor, so this is how content
 * this package has already checked reaches {@link EventRecord} without being checked and copied again. Only this
 * package makes one, and the record keeps the attributes inside it, never the token itself.
 */
final class CheckedContent extends AbstractMap<String, String> {

    private final String userId;
    private final String eventType;
    private final Map<String, String> attributes;

    private CheckedContent(String userId, String eventType, Map<String, String> attributes) {
        this.userId = userId;
        this.eventType = eventType;
        this.attributes = attributes;
    }

    /** The content once checked; null, with every broken rule added to {@code errors}, when it breaks any. */
    static CheckedContent check(
            String userId, String eventType, Map<String, String> attributes, List<FieldError> errors) {
        int before = errors.size();
        EventRecord.addContentErrors(userId, eventType, attributes, errors);
        return errors.size() > before ? null : new CheckedContent(userId, eventType, readOnlyCopy(attributes));
    }

    /** The attributes as a record holds them: in name order, read-only, empty rather than null. */
    static Map<String, String> readOnlyCopy(Map<String, String> attributes) {
        return attributes == null || attributes.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** True when this content was checked with exactly this user and type, so the three together are valid. */
    boolean isFor(String userId, String eventType) {
        return this.userId.equals(userId) && this.eventType.equals(eventType);
    }

    String userId() {
        return userId;
    }

    String eventType() {
        return eventType;
    }

    Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return attributes.entrySet();
    }
}
