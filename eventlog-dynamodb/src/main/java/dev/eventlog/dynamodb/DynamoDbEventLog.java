package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.retention.RetentionPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link EventLogPort} on a DynamoDB table keyed by {@code date} and {@code time}, the table of the original
 * Node.js system, whose items it reads as they are. An event's item has range key {@code HH:mm:ss.SSS#<eventId>},
 * and with N write shards its partition key is the day or, for shard k >= 1, {@code <day>#k} (see
 * {@link ShardLayout}); a table's N is recorded in it by the first write and cannot change.
 *
 * <p>It uses the low-level {@link DynamoDbClient} rather than the enhanced client: the item is five plain
 * attributes, the writes need a condition expression and the reads need exact control of {@code Limit} and
 * {@code ExclusiveStartKey}, and the enhanced client's bean introspection would add start-up time and jar size
 * to every Lambda cold start for no gain.
 *
 * <p>A query by {@code userId} reads the global secondary index {@code byUser} (see {@link UserIndex}), whose reads
 * are eventually consistent; every other read is strongly consistent. Every page has a read budget (see
 * {@link Builder#readBudget}); a page that spends it ends early, and its resume key then means that more may remain.
 *
 * <p>It calls only {@code PutItem}, {@code GetItem}, {@code Query} and {@code Scan}.
 */
public final class DynamoDbEventLog implements EventLogPort {

    /** Three attempts to settle a key whose conditional write failed but whose item was then gone. */
    private static final int MAX_APPEND_ATTEMPTS = 3;

    private final DynamoDbClient client;
    private final String tableName;
    private final ShardLayout layout;
    private final TableMetadata metadata;
    private final PageReader pages;
    private final RetentionPolicy retention;

    private DynamoDbEventLog(Builder builder) {
        this.client = builder.client;
        this.tableName = builder.tableName;
        this.layout = new ShardLayout(builder.writeShards);
        this.metadata = new TableMetadata(client, tableName, layout);
        this.pages =
                new PageReader(client, tableName, layout, builder.retention, builder.readBudget, builder.nanoClock);
        this.retention = builder.retention;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The store named by the environment: {@code TABLE_NAME} (required), region from {@code AWS_REGION} or
     * {@code AWS_DEFAULT_REGION}, an endpoint override from {@code AWS_ENDPOINT_URL_DYNAMODB} or
     * {@code AWS_ENDPOINT_URL}, credentials from {@code AWS_ACCESS_KEY_ID} and friends when set (as Lambda sets
     * them), else from the SDK's default chain; each DynamoDB call's timeout from {@code EVENTLOG_CALL_TIMEOUT_MS},
     * by default one that fits the deployed function's 20 s (see {@link StoreCallTimeouts}); the number of write
     * shards from {@code EVENTLOG_WRITE_SHARDS} (1 to 64, default 1).
     */
    public static DynamoDbEventLog fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, RetentionPolicy.keepForever());
    }

    /** The store named by the environment, as {@link #fromEnvironment(Map)}, applying {@code retention}. */
    public static DynamoDbEventLog fromEnvironment(Map<String, String> env, RetentionPolicy retention) {
        DynamoDbSettings settings = DynamoDbSettings.from(env);
        return builder()
                .client(LeanClient.build(
                        settings.region(), settings.endpoint(), settings.credentials(), null, settings.timeouts()))
                .tableName(settings.tableName())
                .writeShards(settings.writeShards())
                .retention(retention)
                .build();
    }

    /**
     * A client that loads fast: the JDK's HTTP client, the region and credentials given (nothing looked up),
     * and the SDK's standard retry strategy, which retries throttling and server errors with backoff, within the
     * same attempt and call timeouts as {@link #fromEnvironment} uses by default.
     */
    public static DynamoDbClient leanClient(
            Region region, URI endpointOverrideOrNull, AwsCredentialsProvider credentials) {
        return LeanClient.build(region, endpointOverrideOrNull, credentials, null);
    }

    /**
     * Creates the table with on-demand billing and waits until it is active; when it exists already, checks
     * that its key schema is this store's. For local use and tests: in AWS the CDK app creates the table.
     *
     * @return what an existing table lacks that the store can run without (see {@link #checkTable}); empty for a
     *     table created here
     */
    public static List<String> createTable(DynamoDbClient client, String tableName) {
        return TableSetup.create(client, tableName);
    }

    /**
     * As {@link #createTable(DynamoDbClient, String)}, and with a retention period also turns on time to live on
     * {@code expiresAt}, where the endpoint supports it (local emulators may not; reads hide expired events anyway).
     */
    public static List<String> createTable(DynamoDbClient client, String tableName, RetentionPolicy retention) {
        List<String> shortcomings = TableSetup.create(client, tableName);
        if (retention.limited()) {
            TableSetup.enableTimeToLive(client, tableName, ItemExpiry.EXPIRES_AT);
        }
        return shortcomings;
    }

    /**
     * Checks, by reading only ({@code DescribeTable}), that the table exists with this store's key schema, so that
     * a program can refuse to start on a wrong table instead of failing every request.
     *
     * @return what the table lacks that the store can run without, one sentence each: the {@code byUser} index,
     *     absent from tables made before it existed (queries by user then fail) or not yet active
     * @throws dev.eventlog.core.domain.StoreConfigurationException when the table is missing or has other keys
     * @throws dev.eventlog.core.domain.StoreUnavailableException when DynamoDB cannot be reached
     */
    public static List<String> checkTable(DynamoDbClient client, String tableName) {
        return TableSetup.check(client, tableName);
    }

    public String tableName() {
        return tableName;
    }

    public int writeShards() {
        return layout.shards();
    }

    public RetentionPolicy retention() {
        return retention;
    }

    @Override
    public AppendResult append(EventRecord event) {
        Objects.requireNonNull(event, "event");
        return call(() -> {
            metadata.checkBeforeWrite();
            return appendOnce(event);
        });
    }

    @Override
    public List<AppendResult> appendAll(List<EventRecord> events) {
        List<EventRecord> batch = List.copyOf(events);
        // Checked once before the parallel writes, so that a wrong number of shards fails the batch as a whole.
        call(() -> {
            metadata.checkBeforeWrite();
            return null;
        });
        if (batch.size() == 1) {
            return List.of(append(batch.get(0)));
        }
        List<Future<AppendResult>> writes = new ArrayList<>(batch.size());
        for (EventRecord event : batch) {
            writes.add(StoreThreads.POOL.submit(() -> append(event)));
        }
        StoreThreads.Completion<AppendResult> done = StoreThreads.awaitAll(writes, "an event could not be written");
        RuntimeException firstFailure = done.firstFailure();
        int failed = done.failed();
        if (firstFailure == null) {
            return List.copyOf(done.results());
        }
        if (firstFailure instanceof StoreUnavailableException) {
            // The writes that succeeded stay stored: each is idempotent, so the caller may retry the whole batch.
            throw new StoreUnavailableException(
                    failed + " of " + batch.size() + " events could not be written (the others are stored;"
                            + " retrying the whole batch is safe): " + firstFailure.getMessage(),
                    firstFailure);
        }
        throw firstFailure;
    }

    @Override
    public Optional<EventRecord> find(EventKey key) {
        Objects.requireNonNull(key, "key");
        return call(() -> {
            metadata.checkBeforeRead();
            return stored(key);
        });
    }

    @Override
    public Page query(EventQuery query, Optional<EventKey> after) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(after, "after");
        return call(() -> {
            metadata.checkBeforeRead();
            return pages.read(query, after, this::storedKey);
        });
    }

    private AppendResult appendOnce(EventRecord event) {
        for (int attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
            // An item written without an id holds this identity when its derived id is this event's: honour it,
            // never store a second copy beside it.
            Optional<EventRecord> legacy = legacy(event.key());
            if (legacy.isPresent()) {
                return compare(event, legacy.get());
            }
            try {
                // The condition is on the whole primary key, whose range key holds the id: the same identity, not
                // merely the same millisecond.
                client.putItem(PutItemRequest.builder()
                        .tableName(tableName)
                        .item(ItemExpiry.stamp(EventItem.of(event, layout), event, retention))
                        .conditionExpression("attribute_not_exists(#d)")
                        .expressionAttributeNames(Map.of("#d", EventItem.DATE))
                        .build());
                return AppendResult.created(event);
            } catch (ConditionalCheckFailedException taken) {
                Optional<EventRecord> stored =
                        get(EventItem.key(event.key(), layout)).flatMap(EventItem::read);
                if (stored.isPresent()) {
                    return compare(event, stored.get());
                }
                // The item vanished between the failed condition and the read (deleted outside this program): try
                // again.
            }
        }
        throw new StoreUnavailableException(
                "the key " + event.key() + " kept changing while the event was written", null);
    }

    private static AppendResult compare(EventRecord event, EventRecord stored) {
        return stored.equals(event) ? AppendResult.existing(event) : AppendResult.conflict(event);
    }

    /** The event with this identity: stored with its id, or stored without one at its time with this derived id. */
    private Optional<EventRecord> stored(EventKey key) {
        Optional<EventRecord> event = get(EventItem.key(key, layout)).flatMap(EventItem::read);
        return (event.isPresent() ? event : legacy(key)).filter(found -> !retention.expired(found));
    }

    /**
     * The event written without an id (by the original system, or before ids existed) whose time and derived id
     * are the key's. Such items live in the plain day's partition under {@code HH:mm:ss.SSS}, or {@code HH:mm:ss}
     * for a whole second; one strongly consistent query reads both forms. Only a key whose id has the derived form
     * can name one, so other keys cost no request.
     */
    private Optional<EventRecord> legacy(EventKey key) {
        if (!EventItem.mayBeLegacy(key)) {
            return Optional.empty();
        }
        QueryResponse response = client.query(QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#d = :d AND #t BETWEEN :lo AND :hi")
                .expressionAttributeNames(Map.of("#d", EventItem.DATE, "#t", EventItem.TIME))
                .expressionAttributeValues(Map.of(
                        ":d", AttributeValue.fromS(key.dateText()),
                        ":lo", AttributeValue.fromS(EventItem.lowestRangeKey(key.moment())),
                        ":hi", AttributeValue.fromS(key.timeText())))
                .consistentRead(true)
                .build());
        for (Map<String, AttributeValue> item : response.items()) {
            Optional<EventRecord> event =
                    EventItem.read(item).filter(e -> e.key().equals(key));
            if (event.isPresent()) {
                return event;
            }
        }
        return Optional.empty();
    }

    /**
     * The primary key of the item that holds the event, for a scan to resume after it: the id's form if stored so,
     * else the form without an id that holds it; if the event is gone, the id's form still marks its place.
     */
    private Map<String, AttributeValue> storedKey(EventKey key) {
        Map<String, AttributeValue> withId = EventItem.key(key, layout);
        // An id that cannot be a derived one was never stored without it: no request needed to know the item's key.
        if (!EventItem.mayBeLegacy(key) || get(withId).isPresent()) {
            return withId;
        }
        for (String rangeKey : List.of(key.timeText(), EventItem.lowestRangeKey(key.moment()))) {
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

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        var response = client.getItem(GetItemRequest.builder()
                .tableName(tableName)
                .key(key)
                .consistentRead(true)
                .build());
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(e, tableName);
        }
    }

    /** Builds a store on an injected client. */
    public static final class Builder {
        private DynamoDbClient client;
        private String tableName;
        private int writeShards = 1;
        private RetentionPolicy retention = RetentionPolicy.keepForever();
        private ReadBudget.Limits readBudget = ReadBudget.DEFAULT;
        private LongSupplier nanoClock = System::nanoTime;

        private Builder() {}

        /**
         * What one page may spend reading before it answers with what it has and a resume key: bytes of items read
         * (default 4 MB) and time (default 2 s), so that a filter with rare matches cannot outlast the function.
         */
        public Builder readBudget(long maxBytes, Duration maxTime) {
            this.readBudget = new ReadBudget.Limits(maxBytes, Objects.requireNonNull(maxTime, "maxTime"));
            return this;
        }

        /** The clock the read budget's time is measured on; tests replace it. */
        Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        public Builder client(DynamoDbClient client) {
            this.client = client;
            return this;
        }

        public Builder tableName(String tableName) {
            this.tableName = tableName;
            return this;
        }

        /**
         * The number of partition keys each day's writes are spread over, 1 to 64 (default 1, the original layout).
         * Fixed for a table by its first write: choose about the peak writes per second of a day / 800, rounded up.
         */
        public Builder writeShards(int writeShards) {
            this.writeShards = writeShards;
            return this;
        }

        /**
         * The retention period (default: keep forever): each written item gets {@code expiresAt} for the table's
         * time to live, and no read returns an event past the period, deleted yet or not.
         */
        public Builder retention(RetentionPolicy retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        public DynamoDbEventLog build() {
            Objects.requireNonNull(client, "client: a DynamoDbClient is required");
            if (tableName == null || tableName.isBlank()) {
                throw new IllegalArgumentException("tableName: a DynamoDB table name is required");
            }
            if (writeShards < ShardLayout.MIN_SHARDS || writeShards > ShardLayout.MAX_SHARDS) {
                throw new IllegalArgumentException("writeShards: must be from " + ShardLayout.MIN_SHARDS + " to "
                        + ShardLayout.MAX_SHARDS + " (got " + writeShards + ")");
            }
            return new DynamoDbEventLog(this);
        }
    }
}
