package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.InvalidInputException;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's item layout, shared with the original Node.js system: hash key {@code date}, range key
 * {@code time}, attributes {@code userId}, {@code eventType} and an optional {@code attributes} map of strings.
 */
final class EventItem {

    static final String DATE = "date";
    static final String TIME = "time";
    static final String USER_ID = "userId";
    static final String EVENT_TYPE = "eventType";
    static final String ATTRIBUTES = "attributes";

    private EventItem() {
    }

    /** The item that stores the event; an event without attributes is stored in the original system's shape. */
    static Map<String, AttributeValue> of(EventRecord event) {
        Map<String, AttributeValue> item = new HashMap<>(key(event.key()));
        item.put(USER_ID, string(event.userId()));
        item.put(EVENT_TYPE, string(event.eventType()));
        if (!event.attributes().isEmpty()) {
            Map<String, AttributeValue> attributes = new HashMap<>();
            event.attributes().forEach((name, value) -> attributes.put(name, string(value)));
            item.put(ATTRIBUTES, AttributeValue.fromM(attributes));
        }
        return item;
    }

    /** The primary key of the event, in the canonical text form every write uses. */
    static Map<String, AttributeValue> key(EventKey key) {
        return key(key.dateText(), key.timeText());
    }

    static Map<String, AttributeValue> key(String date, String time) {
        return Map.of(DATE, string(date), TIME, string(time));
    }

    /**
     * The shortest stored form of a time: {@code HH:mm:ss} for a whole second, else {@code HH:mm:ss.SSS}.
     * The original system accepted times without milliseconds; such an item sorts just before the canonical
     * form of the same second, so this is the lowest text that still names the time.
     */
    static String shortestTimeText(EventKey key) {
        LocalTime time = key.time();
        return time.getNano() == 0
                ? String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond())
                : key.timeText();
    }

    /** True when an event at this key may also be stored under the shorter, second-only form of its time. */
    static boolean hasShorterForm(EventKey key) {
        return key.time().getNano() == 0;
    }

    /**
     * The event an item holds, or empty when the item cannot be one (written by another program without the
     * required fields, or breaking the data model's rules).
     */
    static Optional<EventRecord> read(Map<String, AttributeValue> item) {
        String date = text(item.get(DATE));
        String time = text(item.get(TIME));
        String userId = text(item.get(USER_ID));
        String eventType = text(item.get(EVENT_TYPE));
        if (date == null || time == null || userId == null || eventType == null) {
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
            return Optional.of(new EventRecord(EventKey.parse(date, time), userId, eventType, attributes));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }
}
