package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.StoreConfigurationException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The store's own item in the events table, recording the table's number of write shards. The number decides
 * where every event lives, so it is fixed by the first write and a store configured with another one refuses to
 * run. Its partition key {@code #meta} cannot be a day's, so no read of events meets it except a scan, which
 * skips it.
 */
final class TableMetadata {

    static final String PARTITION_KEY = "#meta";
    static final String RANGE_KEY = "#meta";
    static final String WRITE_SHARDS = "writeShards";

    private final DynamoDbClient client;
    private final String tableName;
    private final ShardLayout layout;
    /**
     * How long a read trusts that the table records no number. Such a table (one written only by the original
     * system, or loaded by other tools) is read the same way by every store until one writes; looking again once a
     * minute, not before every read, keeps reads at one round trip and still finds another store's number soon.
     */
    static final long ABSENT_RECHECK_NANOS = 60_000_000_000L;

    private final LongSupplier nanoClock;
    /** Set once the table is known to record this store's number; from then on no request is spent on it. */
    private volatile boolean recorded;
    /** When a read last found no number recorded, or empty: until {@link #ABSENT_RECHECK_NANOS} later, reads go ahead. */
    private volatile OptionalLong absentSince = OptionalLong.empty();

    TableMetadata(DynamoDbClient client, String tableName, ShardLayout layout) {
        this(client, tableName, layout, System::nanoTime);
    }

    TableMetadata(DynamoDbClient client, String tableName, ShardLayout layout, LongSupplier nanoClock) {
        this.client = client;
        this.tableName = tableName;
        this.layout = layout;
        this.nanoClock = nanoClock;
    }

    /** Before a read: refuses a table that records another number; a table that records none is fine to read. */
    void checkBeforeRead() {
        if (recorded) {
            return;
        }
        OptionalLong since = absentSince;
        long now = nanoClock.getAsLong();
        if (since.isPresent() && now - since.getAsLong() < ABSENT_RECHECK_NANOS) {
            return;
        }
        Integer stored = stored();
        if (stored == null) {
            absentSince = OptionalLong.of(now);
            return;
        }
        compare(stored);
        recorded = true;
    }

    /** Before a write: records this store's number in a table that has none, or refuses one that records another. */
    void checkBeforeWrite() {
        if (recorded) {
            return;
        }
        Integer stored = stored();
        if (stored == null) {
            try {
                client.putItem(PutItemRequest.builder()
                        .tableName(tableName)
                        .item(Map.of(
                                EventItem.DATE,
                                AttributeValue.fromS(PARTITION_KEY),
                                EventItem.TIME,
                                AttributeValue.fromS(RANGE_KEY),
                                WRITE_SHARDS,
                                AttributeValue.fromN(Integer.toString(layout.shards()))))
                        .conditionExpression("attribute_not_exists(#d)")
                        .expressionAttributeNames(Map.of("#d", EventItem.DATE))
                        .build());
                recorded = true;
                return;
            } catch (ConditionalCheckFailedException another) {
                // Another store recorded its number first: it must be ours too.
                stored = stored();
            }
        }
        if (stored != null) {
            compare(stored);
        }
        recorded = true;
    }

    private void compare(int stored) {
        if (stored != layout.shards()) {
            throw new StoreConfigurationException(
                    "DynamoDB table '" + tableName + "' was first written with " + stored
                            + " write shards, but this store is configured with " + layout.shards()
                            + "; a table's number of write shards"
                            + " cannot change, so set EVENTLOG_WRITE_SHARDS (or writeShards) to " + stored,
                    null);
        }
    }

    private Integer stored() {
        GetItemResponse response = client.getItem(GetItemRequest.builder()
                .tableName(tableName)
                .consistentRead(true)
                .key(EventItem.key(PARTITION_KEY, RANGE_KEY))
                .build());
        if (!response.hasItem() || response.item().isEmpty()) {
            return null;
        }
        AttributeValue value = response.item().get(WRITE_SHARDS);
        try {
            return value == null || value.n() == null ? null : Integer.valueOf(value.n());
        } catch (NumberFormatException e) {
            throw new StoreConfigurationException(
                    "DynamoDB table '" + tableName + "' holds a metadata item whose " + WRITE_SHARDS
                            + " is not a number (" + value.n() + ")",
                    e);
        }
    }
}
