package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Puts into the {@code byUser} index the events written before it existed: scans the table a page at a time and
 * gives each event item that lacks {@code at} its value, with a conditional {@code UpdateItem} that changes nothing
 * else and touches no item that already has {@code at} or has been deleted meanwhile. So it can be stopped and run
 * again at any time, and run while the API takes writes (those carry {@code at} already). An operator's tool: the
 * deployed function never sends {@code UpdateItem}.
 */
public final class UserIndexBackfill {

    /** Items one scan request evaluates; small pages keep the progress lines frequent and the capacity use smooth. */
    private static final int PAGE_ITEMS = 500;

    /** What a run did: items scanned, items given {@code at}, items skipped because they are not events, and items that gained {@code at} or vanished while it ran. */
    public record Counts(long scanned, long added, long notEvents, long changedMeanwhile) {}

    private final DynamoDbClient client;
    private final String tableName;

    /** A backfill of the table; an item's index key depends on its own key only, so no shard layout is needed. */
    public UserIndexBackfill(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** Runs to the end of the table, reporting the counts after every page. */
    public Counts run(Consumer<Counts> progress) {
        try {
            long scanned = 0;
            long added = 0;
            long notEvents = 0;
            long changed = 0;
            Map<String, AttributeValue> startKey = null;
            do {
                ScanResponse page = client.scan(ScanRequest.builder()
                        .tableName(tableName)
                        .filterExpression("attribute_not_exists(#a)")
                        .expressionAttributeNames(Map.of("#a", EventItem.AT))
                        .limit(PAGE_ITEMS)
                        .exclusiveStartKey(startKey)
                        .build());
                scanned += page.scannedCount();
                for (Map<String, AttributeValue> item : page.items()) {
                    Optional<EventRecord> event = EventItem.read(item);
                    if (event.isEmpty()) {
                        notEvents++;
                    } else if (addAt(item, UserIndex.at(event.get().key()))) {
                        added++;
                    } else {
                        changed++;
                    }
                }
                progress.accept(new Counts(scanned, added, notEvents, changed));
                startKey =
                        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                                ? page.lastEvaluatedKey()
                                : null;
            } while (startKey != null);
            return new Counts(scanned, added, notEvents, changed);
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(e, tableName);
        }
    }

    /** Sets {@code at} on the item at its own key if it still exists without one; false when it does not. */
    private boolean addAt(Map<String, AttributeValue> item, String at) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(EventItem.DATE, item.get(EventItem.DATE));
        key.put(EventItem.TIME, item.get(EventItem.TIME));
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(key)
                    .updateExpression("SET #a = :a")
                    .conditionExpression("attribute_exists(#d) AND attribute_not_exists(#a)")
                    .expressionAttributeNames(Map.of("#a", EventItem.AT, "#d", EventItem.DATE))
                    .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(at)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
