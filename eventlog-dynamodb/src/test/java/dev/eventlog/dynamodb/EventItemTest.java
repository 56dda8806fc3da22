package dev.eventlog.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventlog.core.domain.EventIds;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How an item's id is read: the range key is its identity, the {@code eventId} attribute a copy of it. */
class EventItemTest {

    private static Map<String, AttributeValue> item(String rangeKey, String eventId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(EventItem.DATE, AttributeValue.fromS("2024-06-01"));
        item.put(EventItem.TIME, AttributeValue.fromS(rangeKey));
        item.put(EventItem.USER_ID, AttributeValue.fromS("alice"));
        item.put(EventItem.EVENT_TYPE, AttributeValue.fromS("login"));
        if (eventId != null) {
            item.put(EventItem.EVENT_ID, AttributeValue.fromS(eventId));
        }
        return item;
    }

    private static String idRead(Map<String, AttributeValue> item) {
        return EventItem.read(item).map(EventRecord::eventId).orElseThrow();
    }

    @Test
    void itemThisStoreWrote_isReadWithTheIdBothCopiesHold() {
        assertEquals("order-42", idRead(item("09:30:00.000#order-42", "order-42")));
    }

    @Test
    void itemWithAnIdInItsRangeKeyButNoAttribute_isReadWithTheRangeKeysId() {
        assertEquals("order-42", idRead(item("09:30:00.000#order-42", null)));
    }

    @Test
    void attributeThatDisagreesWithTheRangeKey_losesToIt() {
        assertEquals("order-42", idRead(item("09:30:00.000#order-42", "order-4")));
        assertEquals("order-42", idRead(item("09:30:00.000#order-42", "order-421")));
        assertEquals("order-42", idRead(item("09:30:00.000#order-42", "rder-42")));
    }

    @Test
    void itemOfTheOriginalSystem_isReadWithTheIdDerivedFromItsContent() {
        assertEquals(EventIds.derive("alice", "login", Map.of()), idRead(item("09:30:00", null)));
    }

    @Test
    void writtenItem_readsBackAsTheSameEvent() {
        EventRecord event = new EventRecord(
                EventKey.parse("2024-06-01", "09:30:00.001", "id-1"), "alice", "login", Map.of("page", "/home"));

        assertEquals(
                event, EventItem.read(EventItem.of(event, new ShardLayout(1))).orElseThrow());
    }
}
