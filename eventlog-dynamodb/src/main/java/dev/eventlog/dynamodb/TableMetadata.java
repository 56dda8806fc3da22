package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.StoreConfigurationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The store's own item in the events table. It records what decides where every event lives and how it is read:
 * the number of write shards and the {@link ShardLayout} version, both fixed by the first write (a store configured
 * otherwise refuses to run), and up to which date the table may hold items written without an id (by the original
 * system or a version before event ids). Its partition key {@code #meta} cannot be a day's, so no read of events
 * meets it except a scan, which skips it.
 *
 * <p>Items without an id cost a write an extra {@code Query} (one may hold the identity under another key) and a
 * page a lookup where it resumes inside a millisecond. Where none can exist, both are spared: a table that was empty
 * when this store first wrote it holds none ({@value #NO_ITEMS_WITHOUT_ID}); a table that held data then holds them
 * at most on dates up to that day, since the programs that wrote them stopped when this one started.
 */
final class TableMetadata {

    static final String PARTITION_KEY = "#meta";
    static final String RANGE_KEY = "#meta";
    static final String WRITE_SHARDS = "writeShards";
    static final String LAYOUT = "layout";
    static final String WITHOUT_ID_UNTIL = "itemsWithoutIdUntil";
    /** The value of {@link #WITHOUT_ID_UNTIL} for a table that never held an item without an id. */
    static final String NO_ITEMS_WITHOUT_ID = "none";
    /**
     * How long a read trusts that the table records nothing. Such a table (one written only by the original system,
     * or loaded by other tools) is read the same way by every store until one writes; looking again once a minute,
     * not before every read, keeps reads at one round trip and still finds another store's record soon.
     */
    static final long ABSENT_RECHECK_NANOS = 60_000_000_000L;

    /** What the table records; {@code withoutIdUntil} is null when items without an id may lie at any date. */
    record Facts(int shards, int layout, LocalDate withoutIdUntil, boolean noneWithoutId) {

        /** What is known of a table that records nothing: items without an id may lie anywhere. */
        static final Facts UNRECORDED = new Facts(0, 0, null, false);

        boolean mayHoldItemsWithoutId(LocalDate date) {
            return !noneWithoutId && (withoutIdUntil == null || !date.isAfter(withoutIdUntil));
        }

        /** True when every fact this version writes is present, so nothing needs recording again. */
        boolean complete() {
            return shards > 0 && layout == ShardLayout.VERSION && (noneWithoutId || withoutIdUntil != null);
        }
    }

    private final DynamoDbClient client;
    private final String tableName;
    private final ShardLayout layout;
    private final Clock clock;
    private final LongSupplier nanoClock;
    /** Set once the table is known to record this store's facts: from then on no request is spent on them. */
    private volatile Facts recorded;
    /** When a read last found nothing recorded, or empty: until {@link #ABSENT_RECHECK_NANOS} later, reads go ahead. */
    private volatile OptionalLong absentSince = OptionalLong.empty();

    TableMetadata(DynamoDbClient client, String tableName, ShardLayout layout, Clock clock, LongSupplier nanoClock) {
        this.client = client;
        this.tableName = tableName;
        this.layout = layout;
        this.clock = clock;
        this.nanoClock = nanoClock;
    }

    /**
     * Before a read: refuses a table that records another number of shards or another layout, and says what the
     * table records (all unknown for a table that records nothing, which is fine to read).
     */
    Facts checkBeforeRead() {
        Facts known = recorded;
        if (known != null) {
            return known;
        }
        OptionalLong since = absentSince;
        long now = nanoClock.getAsLong();
        if (since.isPresent() && now - since.getAsLong() < ABSENT_RECHECK_NANOS) {
            return Facts.UNRECORDED;
        }
        Facts stored = stored();
        if (stored == null) {
            absentSince = OptionalLong.of(now);
            return Facts.UNRECORDED;
        }
        compare(stored);
        if (stored.complete()) {
            recorded = stored;
        }
        return stored;
    }

    /**
     * Before a write: records this store's facts in a table that has none (or only those an earlier version wrote),
     * or refuses one that records others.
     */
    Facts checkBeforeWrite() {
        Facts known = recorded;
        if (known != null) {
            return known;
        }
        Facts stored = stored();
        for (int attempt = 0; attempt < 3 && (stored == null || !stored.complete()); attempt++) {
            if (stored != null) {
                compare(stored);
            }
            Facts wanted = stored != null
                    ? new Facts(layout.shards(), ShardLayout.VERSION, today(), false)
                    : emptyTable()
                            ? new Facts(layout.shards(), ShardLayout.VERSION, null, true)
                            : new Facts(layout.shards(), ShardLayout.VERSION, today(), false);
            try {
                record(wanted, stored != null);
                stored = wanted;
            } catch (ConditionalCheckFailedException another) {
                // Another store recorded first: what it recorded must suit this one too.
                stored = stored();
            }
        }
        if (stored == null || !stored.complete()) {
            throw new StoreConfigurationException(
                    "DynamoDB table '" + tableName + "': its metadata item " + PARTITION_KEY
                            + " kept changing while this store recorded its write shards",
                    null);
        }
        compare(stored);
        recorded = stored;
        return stored;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** True when the table holds no item at all: one scanned item, or a place to continue, says otherwise. */
    private boolean emptyTable() {
        ScanResponse first = client.scan(r -> r.tableName(tableName).limit(1).consistentRead(true));
        return first.items().isEmpty()
                && (!first.hasLastEvaluatedKey() || first.lastEvaluatedKey().isEmpty());
    }

    /**
     * Writes the item: new, or replacing one that an earlier version wrote with the same number of shards and no
     * layout (whose events are where layout {@value ShardLayout#VERSION} puts them only with one shard).
     */
    private void record(Facts facts, boolean replacingEarlier) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(EventItem.DATE, AttributeValue.fromS(PARTITION_KEY));
        item.put(EventItem.TIME, AttributeValue.fromS(RANGE_KEY));
        item.put(WRITE_SHARDS, AttributeValue.fromN(Integer.toString(facts.shards())));
        item.put(LAYOUT, AttributeValue.fromN(Integer.toString(facts.layout())));
        item.put(
                WITHOUT_ID_UNTIL,
                AttributeValue.fromS(
                        facts.noneWithoutId()
                                ? NO_ITEMS_WITHOUT_ID
                                : facts.withoutIdUntil().toString()));
        PutItemRequest.Builder put =
                PutItemRequest.builder().tableName(tableName).item(item);
        if (replacingEarlier) {
            put.conditionExpression("#n = :n AND attribute_not_exists(#l)")
                    .expressionAttributeNames(Map.of("#n", WRITE_SHARDS, "#l", LAYOUT))
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Integer.toString(facts.shards()))));
        } else {
            put.conditionExpression("attribute_not_exists(#d)").expressionAttributeNames(Map.of("#d", EventItem.DATE));
        }
        client.putItem(put.build());
    }

    private void compare(Facts stored) {
        if (stored.shards() != layout.shards()) {
            throw new StoreConfigurationException(
                    "DynamoDB table '" + tableName + "' was first written with " + stored.shards()
                            + " write shards, but this store is configured with " + layout.shards()
                            + "; a table's number of write shards"
                            + " cannot change, so set EVENTLOG_WRITE_SHARDS (or writeShards) to " + stored.shards(),
                    null);
        }
        int storedLayout = stored.layout() == 0 ? 1 : stored.layout();
        if (storedLayout != ShardLayout.VERSION && stored.shards() > 1) {
            throw new StoreConfigurationException(
                    "DynamoDB table '" + tableName + "' was written with write-shard layout " + storedLayout
                            + " (shard by event id), but this version reads and writes layout " + ShardLayout.VERSION
                            + " (shard by time and id) and would not find its events; copy its items into a new"
                            + " table (a Scan reads them whatever their shard; import them with this version)",
                    null);
        }
    }

    /** What the table records, or null when it records nothing. */
    private Facts stored() {
        GetItemResponse response = client.getItem(GetItemRequest.builder()
                .tableName(tableName)
                .consistentRead(true)
                .key(EventItem.key(PARTITION_KEY, RANGE_KEY))
                .build());
        if (!response.hasItem() || response.item().isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> item = response.item();
        int shards = number(item, WRITE_SHARDS, 0);
        if (shards < 1) {
            throw new StoreConfigurationException(
                    "DynamoDB table '" + tableName + "' holds a metadata item without a valid " + WRITE_SHARDS, null);
        }
        int layoutVersion = number(item, LAYOUT, 0);
        AttributeValue until = item.get(WITHOUT_ID_UNTIL);
        String text = until == null ? null : until.s();
        if (text == null) {
            return new Facts(shards, layoutVersion, null, false);
        }
        if (NO_ITEMS_WITHOUT_ID.equals(text)) {
            return new Facts(shards, layoutVersion, null, true);
        }
        try {
            return new Facts(shards, layoutVersion, LocalDate.parse(text), false);
        } catch (java.time.format.DateTimeParseException e) {
            throw new StoreConfigurationException(
                    "DynamoDB table '" + tableName + "' holds a metadata item whose " + WITHOUT_ID_UNTIL
                            + " is neither a date nor '" + NO_ITEMS_WITHOUT_ID + "' (" + text + ")",
                    e);
        }
    }

    private int number(Map<String, AttributeValue> item, String name, int absent) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.n());
        } catch (NumberFormatException e) {
            throw new StoreConfigurationException(
                    "DynamoDB table '" + tableName + "' holds a metadata item whose " + name + " is not a number ("
                            + value.n() + ")",
                    e);
        }
    }
}
