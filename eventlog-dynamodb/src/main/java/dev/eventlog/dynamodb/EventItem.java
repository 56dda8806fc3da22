package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's item layout: hash key {@code date} (the day, with {@code #k} for write shard k >= 1), range key
 * {@code time} as {@code HH:mm:ss.SSS#<eventId>}, attributes {@code eventId}, {@code userId}, {@code eventType},
 * {@code at} (the sort key of the {@link UserIndex}) and an optional {@code attributes} map of strings. Items of the
 * original Node.js system and of versions before event
 * ids (range key {@code HH:mm:ss} or {@code HH:mm:ss.SSS}, no {@code eventId}) are read as events whose id is the
 * one derived from their content.
 */
final class EventItem {

    static final String DATE = "date";
    static final String TIME = "time";
    static final String EVENT_ID = "eventId";
    static final String USER_ID = "userId";
    static final String EVENT_TYPE = "eventType";
    static final String ATTRIBUTES = "attributes";
    static final String AT = "at";

    private EventItem() {}

    /** The item that stores the event. */
    static Map<String, AttributeValue> of(EventRecord event, ShardLayout layout) {
        Map<String, AttributeValue> item = new HashMap<>(key(event.key(), layout));
        item.put(EVENT_ID, string(event.eventId()));
        item.put(USER_ID, string(event.userId()));
        item.put(EVENT_TYPE, string(event.eventType()));
        item.put(AT, string(UserIndex.at(event.key())));
        if (!event.attributes().isEmpty()) {
            Map<String, AttributeValue> attributes = new HashMap<>();
            event.attributes().forEach((name, value) -> attributes.put(name, string(value)));
            item.put(ATTRIBUTES, AttributeValue.fromM(attributes));
        }
        return item;
    }

    /** The primary key of the event's item, in the form every write uses. */
    static Map<String, AttributeValue> key(EventKey key, ShardLayout layout) {
        return key(layout.partitionKeyOf(key), RangeKeys.of(key));
    }

    static Map<String, AttributeValue> key(String partitionKey, String rangeKey) {
        return Map.of(DATE, string(partitionKey), TIME, string(rangeKey));
    }

    /** True when the item's range key holds no id: written by the original system or before event ids. */
    static boolean withoutId(Map<String, AttributeValue> item) {
        String rangeKey = text(item.get(TIME));
        return rangeKey != null && RangeKeys.withoutId(rangeKey);
    }

    /**
     * The event an item holds, or empty when the item cannot be one (the store's metadata, an item written by
     * another program without the required fields, or one breaking the data model's rules).
     */
    static Optional<EventRecord> read(Map<String, AttributeValue> item) {
        String partitionKey = text(item.get(DATE));
        String rangeKey = text(item.get(TIME));
        String userId = text(item.get(USER_ID));
        String eventType = text(item.get(EVENT_TYPE));
        if (partitionKey == null || rangeKey == null || userId == null || eventType == null) {
            return Optional.empty();
        }
        String date = ShardLayout.dateTextOf(partitionKey);
        if (date == null) {
            return Optional.empty();
        }
        Map<String, String> attributes = new HashMap<>();
        AttributeValue stored = item.get(ATTRIBUTES);
        if (stored != null && !Boolean.TRUE.equals(stored.nul())) {
            if (!stored.hasM()) {
                return Optional.empty();
            }
            for (Map.Entry<String, AttributeValue> entry : stored.m().entrySet()) {
                String value = text(entry.getValue());
                if (value == null) {
                    return Optional.empty();
                }
                attributes.put(entry.getKey(), value);
            }
        }
        try {
            int hash = rangeKey.indexOf('#');
            if (hash < 0) {
                if (!EventTime.canonicalTime(rangeKey) || !date.equals(partitionKey)) {
                    return Optional.empty();
                }
                return Optional.of(EventRecord.derived(EventTime.parse(date, rangeKey), userId, eventType, attributes));
            }
            String time = rangeKey.substring(0, hash);
            if (time.length() != 12 || !EventTime.canonicalTime(time)) {
                return Optional.empty();
            }
            return Optional.of(
                    new EventRecord(EventKey.parse(date, time, idOf(item, rangeKey)), userId, eventType, attributes));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /**
     * The id of an item whose range key holds one. Every item this store writes carries it twice: in the range key,
     * which is the item's identity (gets, conditional writes and pages address it), and as the {@code eventId}
     * attribute, which readers outside the store use (the byUser index projects it, and anyone reading the table or
     * an export sees the id without cutting up the range key), so it keeps being written. The attribute is read
     * where it agrees with the range key, which saves cutting a copy out of it; the range key decides otherwise,
     * for items written by other programs without the attribute or with another value in it, so no item is lost
     * to a missing or stale copy. Items without an id in the range key (the original system's) never reach here.
     */
    static String idOf(Map<String, AttributeValue> item, String rangeKey) {
        String attribute = text(item.get(EVENT_ID));
        int idStart = rangeKey.indexOf('#') + 1;
        boolean agrees = attribute != null
                && rangeKey.length() - idStart == attribute.length()
                && rangeKey.startsWith(attribute, idStart);
        return agrees ? attribute : rangeKey.substring(idStart);
    }

    private static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }
}
