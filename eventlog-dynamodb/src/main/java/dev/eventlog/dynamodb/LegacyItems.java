package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Items written without an id, by the original system or by versions before event ids: range key {@code HH:mm:ss}
 * or {@code HH:mm:ss.SSS}, in the plain day's partition (shard 0), at most one of each form per millisecond. They
 * are read as events whose id is derived from their content, and such an identity is honoured: a write or a lookup
 * of it finds the item. Where the table's metadata says none can exist, nothing here is asked.
 */
final class LegacyItems {

    /** A derived id is 16 lowercase hex digits; only such an id can name an item written without one. */
    private static final Pattern DERIVED_ID = Pattern.compile("[0-9a-f]{16}");

    private final DynamoDbClient client;
    private final String tableName;

    LegacyItems(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /** True when an item written without an id could hold this key on a table with {@code facts}. */
    static boolean mayHold(EventKey key, TableMetadata.Facts facts) {
        return facts.mayHoldItemsWithoutId(key.date())
                && DERIVED_ID.matcher(key.eventId()).matches();
    }

    /** True when a day partition may hold items written without an id: shard 0 of a date the metadata allows. */
    static boolean mayHold(DayPartition day, int shard, TableMetadata.Facts facts) {
        return shard == 0 && facts.mayHoldItemsWithoutId(day.date());
    }

    /** The event written without an id whose time and derived id are the key's, if there is one. */
    Optional<EventRecord> holding(EventKey key) {
        return withoutId(key.dateText(), key.moment(), response -> {}).stream()
                .filter(event -> event.key().equals(key))
                .findFirst();
    }

    /**
     * The events written without an id in one millisecond of a day, read with one strongly consistent query that
     * covers both forms; {@code consumed} is told what the request cost.
     */
    List<EventRecord> withoutId(String dateText, EventTime millisecond, Consumer<QueryResponse> consumed) {
        QueryResponse response = client.query(QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#d = :d AND #t BETWEEN :lo AND :hi")
                .expressionAttributeNames(Map.of("#d", EventItem.DATE, "#t", EventItem.TIME))
                .expressionAttributeValues(Map.of(
                        ":d", AttributeValue.fromS(dateText),
                        ":lo", AttributeValue.fromS(RangeKeys.lowest(millisecond)),
                        ":hi", AttributeValue.fromS(millisecond.timeText())))
                .consistentRead(true)
                .returnConsumedCapacity(software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL)
                .build());
        consumed.accept(response);
        List<EventRecord> events = new ArrayList<>(2);
        for (Map<String, AttributeValue> item : response.items()) {
            if (EventItem.withoutId(item)) {
                EventItem.read(item).ifPresent(events::add);
            }
        }
        return events;
    }
}
