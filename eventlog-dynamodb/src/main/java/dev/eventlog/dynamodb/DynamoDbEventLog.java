package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.retention.RetentionPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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

    private final DynamoDbClient client;
    private final String tableName;
    private final ShardLayout layout;
    private final TableMetadata metadata;
    private final ItemReads items;
    private final EventWriter writer;
    private final PageReader pages;
    private final RetentionPolicy retention;

    private DynamoDbEventLog(Builder builder) {
        this.client = builder.client;
        this.tableName = builder.tableName;
        this.layout = new ShardLayout(builder.writeShards);
        this.metadata = new TableMetadata(client, tableName, layout, builder.clock, builder.nanoClock);
        this.retention = builder.retention;
        LegacyItems legacy = new LegacyItems(client, tableName);
        this.items = new ItemReads(client, tableName, layout, retention, legacy);
        this.writer = new EventWriter(client, tableName, layout, retention, legacy, items);
        this.pages = new PageReader(client, tableName, layout, retention, builder.readBudget, builder.nanoClock);
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

    /**
     * Reads the table's metadata and refuses, with a {@link dev.eventlog.core.domain.StoreConfigurationException}
     * that names both, a table written with another number of write shards or another shard layout; a table that
     * records neither yet is fine. A program calls it at start so that a wrong setting fails there, not in reads
     * that would miss the events of other shards.
     */
    public void checkLayout() {
        call(metadata::checkBeforeRead);
    }

    @Override
    public AppendResult append(EventRecord event) {
        Objects.requireNonNull(event, "event");
        return call(() -> writer.append(event, metadata.checkBeforeWrite()));
    }

    @Override
    public List<AppendResult> appendAll(List<EventRecord> events) {
        List<EventRecord> batch = List.copyOf(events);
        // Checked once before the parallel writes, so that a wrong number of shards fails the batch as a whole.
        TableMetadata.Facts facts = call(metadata::checkBeforeWrite);
        return writer.appendAll(batch, facts, this::call);
    }

    @Override
    public Optional<EventRecord> find(EventKey key) {
        Objects.requireNonNull(key, "key");
        return call(() -> items.find(key, metadata.checkBeforeRead()));
    }

    @Override
    public Page query(EventQuery query, Optional<EventKey> after) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(after, "after");
        return call(() -> {
            TableMetadata.Facts facts = metadata.checkBeforeRead();
            return pages.read(query, after, facts, key -> items.storedKey(key, facts));
        });
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
        private Clock clock = Clock.systemUTC();

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

        /**
         * The clock whose date a first write records as the last on which the table may hold items written
         * without an id (see the class comment); tests replace it.
         */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
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
