package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads all events, in the table's own order, with a paginated {@code Scan} that resumes at the item of the page's
 * resume key; the store's metadata item is skipped like any item that is not an event.
 */
final class TableScan {

    private final DynamoDbClient client;
    private final String tableName;

    TableScan(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /**
     * @param page a page that takes events in any order (it has no resume key of its own)
     * @param after the key of the event the scan resumes after
     * @param storedKey the primary key of the item that holds an event, for the scan to resume after it
     */
    void read(
            PageCollector page,
            Optional<EventKey> after,
            ReadBudget budget,
            ItemFilter filter,
            Function<EventKey, Map<String, AttributeValue>> storedKey) {
        Map<String, AttributeValue> startKey = after.map(storedKey).orElse(null);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String expression = filter.apply(names, values);
        ItemCursor cursor = new ItemCursor(
                (start, limit) -> {
                    ReadBudget.Grant grant = budget.grant(limit);
                    ScanResponse response = client.scan(ScanRequest.builder()
                            .tableName(tableName)
                            .filterExpression(expression)
                            .expressionAttributeNames(names.isEmpty() ? null : names)
                            .expressionAttributeValues(values.isEmpty() ? null : values)
                            .consistentRead(true)
                            .limit(grant.limit())
                            .exclusiveStartKey(start == null ? startKey : start)
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                            .build());
                    budget.charge(grant, response.consumedCapacity(), response.scannedCount(), true);
                    return new ItemCursor.Batch(response.items(), response.lastEvaluatedKey());
                },
                page::wanted,
                expression != null);
        Map<Map<String, AttributeValue>, Optional<EventKey>> positions = new HashMap<>();
        cursor.stoppable(c -> budget.spent()
                && positions
                        .computeIfAbsent(c.lastEvaluatedKey(), this::position)
                        .isPresent());
        for (ItemCursor.Read read = cursor.poll(); read != null; read = cursor.poll()) {
            EventRecord event = read.event();
            if (page.offer(event)) {
                return;
            }
        }
        if (cursor.stalled()) {
            page.stopAt(positions.get(cursor.lastEvaluatedKey()).orElseThrow());
        }
    }

    /**
     * The event key of the item where a scan stopped, for the next page to continue after it; empty when that item
     * holds no event (the store's metadata), so the scan reads on to one that does. An item written without an id
     * has one derived from its content, which only the item itself holds.
     */
    private Optional<EventKey> position(Map<String, AttributeValue> lastEvaluatedKey) {
        AttributeValue partitionKey = lastEvaluatedKey.get(EventItem.DATE);
        AttributeValue rangeKey = lastEvaluatedKey.get(EventItem.TIME);
        if (partitionKey == null || rangeKey == null || partitionKey.s() == null || rangeKey.s() == null) {
            return Optional.empty();
        }
        String date = ShardLayout.dateTextOf(partitionKey.s());
        if (date == null) {
            return Optional.empty();
        }
        if (!RangeKeys.withoutId(rangeKey.s())) {
            return Optional.ofNullable(RangeKeys.keyOf(date, rangeKey.s()));
        }
        var response = client.getItem(GetItemRequest.builder()
                .tableName(tableName)
                .consistentRead(true)
                .key(EventItem.key(partitionKey.s(), rangeKey.s()))
                .build());
        return response.hasItem() ? EventItem.read(response.item()).map(EventRecord::key) : Optional.empty();
    }
}
