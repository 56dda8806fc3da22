package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.retention.RetentionPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** Reads of single items by key, strongly consistent: an event by its identity, and the item that holds one. */
final class ItemReads {

    private final DynamoDbClient client;
    private final String tableName;
    private final ShardLayout layout;
    private final RetentionPolicy retention;
    private final LegacyItems legacy;

    ItemReads(
            DynamoDbClient client,
            String tableName,
            ShardLayout layout,
            RetentionPolicy retention,
            LegacyItems legacy) {
        this.client = client;
        this.tableName = tableName;
        this.layout = layout;
        this.retention = retention;
        this.legacy = legacy;
    }

    /** The event with this identity: stored with its id, or stored without one at its time with this derived id. */
    Optional<EventRecord> find(EventKey key, TableMetadata.Facts facts) {
        Optional<EventRecord> event = get(EventItem.key(key, layout)).flatMap(EventItem::read);
        if (event.isEmpty() && LegacyItems.mayHold(key, facts)) {
            event = legacy.holding(key);
        }
        return event.filter(found -> !retention.expired(found));
    }

    /**
     * The primary key of the item that holds the event, for a scan to resume after it: the id's form if stored so,
     * else the form without an id that holds it; if the event is gone, the id's form still marks its place.
     */
    Map<String, AttributeValue> storedKey(EventKey key, TableMetadata.Facts facts) {
        Map<String, AttributeValue> withId = EventItem.key(key, layout);
        // An id that cannot be a derived one was never stored without it: no request needed to know the item's key.
        if (!LegacyItems.mayHold(key, facts) || get(withId).isPresent()) {
            return withId;
        }
        for (String rangeKey : List.of(key.timeText(), RangeKeys.lowest(key.moment()))) {
            Map<String, AttributeValue> candidate = EventItem.key(key.dateText(), rangeKey);
            if (get(candidate)
                    .flatMap(EventItem::read)
                    .filter(e -> e.key().equals(key))
                    .isPresent()) {
                return candidate;
            }
        }
        return withId;
    }

    Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        var response = client.getItem(GetItemRequest.builder()
                .tableName(tableName)
                .key(key)
                .consistentRead(true)
                .build());
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }
}
