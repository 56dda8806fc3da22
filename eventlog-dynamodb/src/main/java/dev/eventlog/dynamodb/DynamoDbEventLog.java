package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * {@link EventLogPort} on a DynamoDB table keyed by {@code date} and {@code time}, the layout of the original
 * Node.js system, whose items it reads as they are.
 *
 * <p>It uses the low-level {@link DynamoDbClient} rather than the enhanced client: the item is five plain
 * attributes, the writes need a condition expression and the reads need exact control of {@code Limit} and
 * {@code ExclusiveStartKey}, and the enhanced client's bean introspection would add start-up time and jar size
 * to every Lambda cold start for no gain.
 *
 * <p>It calls only {@code PutItem}, {@code GetItem}, {@code Query} and {@code Scan}.
 */
public final class DynamoDbEventLog implements EventLogPort {

    /** Three attempts to settle a key whose conditional write failed but whose item was then gone. */
    private static final int MAX_APPEND_ATTEMPTS = 3;

    private final DynamoDbClient client;
    private final String tableName;
    private final PageReader pages;

    private DynamoDbEventLog(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
        this.pages = new PageReader(client, tableName);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The store named by the environment: {@code TABLE_NAME} (required), region from {@code AWS_REGION} or
     * {@code AWS_DEFAULT_REGION}, an endpoint override from {@code AWS_ENDPOINT_URL_DYNAMODB} or
     * {@code AWS_ENDPOINT_URL}, credentials from {@code AWS_ACCESS_KEY_ID} and friends when set (as Lambda sets
     * them), else from the SDK's default chain.
     */
    public static DynamoDbEventLog fromEnvironment(Map<String, String> env) {
        DynamoDbSettings settings = DynamoDbSettings.from(env);
        return builder()
                .client(leanClient(settings.region(), settings.endpoint(), settings.credentials()))
                .tableName(settings.tableName())
                .build();
    }

    /**
     * A client that loads fast: the JDK's HTTP client, the region and credentials given (nothing looked up),
     * and the SDK's standard retry strategy, which retries throttling and server errors with backoff.
     */
    public static DynamoDbClient leanClient(Region region, URI endpointOverrideOrNull, AwsCredentialsProvider credentials) {
        return LeanClient.build(region, endpointOverrideOrNull, credentials, null);
    }

    /**
     * Creates the table with on-demand billing and waits until it is active; when it exists already, checks
     * that its key schema is this store's. For local use and tests: in AWS the CDK app creates the table.
     */
    public static void createTable(DynamoDbClient client, String tableName) {
        TableSetup.create(client, tableName);
    }

    /**
     * Checks, by reading only ({@code DescribeTable}), that the table exists with this store's key schema, so that
     * a program can refuse to start on a wrong table instead of failing every request.
     *
     * @throws dev.eventlog.core.domain.StoreConfigurationException when the table is missing or has other keys
     * @throws dev.eventlog.core.domain.StoreUnavailableException when DynamoDB cannot be reached
     */
    public static void checkTable(DynamoDbClient client, String tableName) {
        TableSetup.check(client, tableName);
    }

    public String tableName() {
        return tableName;
    }

    @Override
    public AppendResult append(EventRecord event) {
        Objects.requireNonNull(event, "event");
        return call(() -> appendOnce(event));
    }

    @Override
    public List<AppendResult> appendAll(List<EventRecord> events) {
        List<EventRecord> batch = List.copyOf(events);
        if (batch.size() == 1) {
            return List.of(append(batch.get(0)));
        }
        List<Future<AppendResult>> writes = new ArrayList<>(batch.size());
        for (EventRecord event : batch) {
            writes.add(BatchWriters.POOL.submit(() -> append(event)));
        }
        List<AppendResult> results = new ArrayList<>(batch.size());
        RuntimeException firstFailure = null;
        int failed = 0;
        boolean interrupted = false;
        for (Future<AppendResult> write : writes) {
            // Waiting goes on through an interrupt: every write must have finished before the method answers, so
            // that what it reports is what is stored.
            while (true) {
                try {
                    results.add(write.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failed++;
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime
                            ? runtime : new StoreUnavailableException("an event could not be written", e.getCause());
                    firstFailure = firstFailure == null ? cause : firstFailure;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (firstFailure == null) {
            return List.copyOf(results);
        }
        if (firstFailure instanceof StoreUnavailableException) {
            // The writes that succeeded stay stored: each is idempotent, so the caller may retry the whole batch.
            throw new StoreUnavailableException(failed + " of " + batch.size() + " events could not be written (the others are stored;"
                    + " retrying the whole batch is safe): " + firstFailure.getMessage(), firstFailure);
        }
        throw firstFailure;
    }

    @Override
    public Optional<EventRecord> find(EventKey key) {
        Objects.requireNonNull(key, "key");
        return call(() -> stored(key).flatMap(EventItem::read));
    }

    @Override
    public Page query(EventQuery query, Optional<EventKey> after) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(after, "after");
        return call(() -> pages.read(query, after));
    }

    private AppendResult appendOnce(EventRecord event) {
        for (int attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
            // An item the original system stored with a second-only time holds the same key: honour it, never shadow it.
            Optional<Map<String, AttributeValue>> legacy = EventItem.hasShorterForm(event.key())
                    ? get(EventItem.key(event.key().dateText(), EventItem.shortestTimeText(event.key())))
                    : Optional.empty();
            if (legacy.isPresent()) {
                return compare(event, legacy.get());
            }
            try {
                client.putItem(PutItemRequest.builder()
                        .tableName(tableName)
                        .item(EventItem.of(event))
                        .conditionExpression("attribute_not_exists(#d)")
                        .expressionAttributeNames(Map.of("#d", EventItem.DATE))
                        .build());
                return AppendResult.created(event);
            } catch (ConditionalCheckFailedException taken) {
                Optional<Map<String, AttributeValue>> stored = get(EventItem.key(event.key()));
                if (stored.isPresent()) {
                    return compare(event, stored.get());
                }
                // The item vanished between the failed condition and the read (deleted outside this program): try again.
            }
        }
        throw new StoreUnavailableException("the key " + event.key() + " kept changing while the event was written", null);
    }

    private static AppendResult compare(EventRecord event, Map<String, AttributeValue> storedItem) {
        return EventItem.read(storedItem).filter(event::equals).isPresent()
                ? AppendResult.existing(event)
                : AppendResult.conflict(event);
    }

    /** The item at the key, in either stored form of its time. */
    private Optional<Map<String, AttributeValue>> stored(EventKey key) {
        Optional<Map<String, AttributeValue>> item = get(EventItem.key(key));
        if (item.isEmpty() && EventItem.hasShorterForm(key)) {
            item = get(EventItem.key(key.dateText(), EventItem.shortestTimeText(key)));
        }
        return item;
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        var response = client.getItem(GetItemRequest.builder().tableName(tableName).key(key).consistentRead(true).build());
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

        private Builder() {
        }

        public Builder client(DynamoDbClient client) {
            this.client = client;
            return this;
        }

        public Builder tableName(String tableName) {
            this.tableName = tableName;
            return this;
        }

        public DynamoDbEventLog build() {
            Objects.requireNonNull(client, "client: a DynamoDbClient is required");
            if (tableName == null || tableName.isBlank()) {
                throw new IllegalArgumentException("tableName: a DynamoDB table name is required");
            }
            return new DynamoDbEventLog(client, tableName);
        }
    }
}
