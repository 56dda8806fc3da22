package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.retention.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Writes events without ever overwriting one: a {@code PutItem} on the condition that the key is free, and, when
 * it is taken, a read of what holds it to tell a retry (existing) from a conflict. Where an item written without an
 * id may hold the identity (see {@link LegacyItems}), that item is looked for first; elsewhere a write is one call.
 */
final class EventWriter {

    /** Three attempts to settle a key whose conditional write failed but whose item was then gone. */
    private static final int MAX_APPEND_ATTEMPTS = 3;

    private final DynamoDbClient client;
    private final String tableName;
    private final ShardLayout layout;
    private final RetentionPolicy retention;
    private final LegacyItems legacy;
    private final ItemReads reads;

    EventWriter(
            DynamoDbClient client,
            String tableName,
            ShardLayout layout,
            RetentionPolicy retention,
            LegacyItems legacy,
            ItemReads reads) {
        this.client = client;
        this.tableName = tableName;
        this.layout = layout;
        this.retention = retention;
        this.legacy = legacy;
        this.reads = reads;
    }

    AppendResult append(EventRecord event, TableMetadata.Facts facts) {
        for (int attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
            // An item written without an id holds this identity when its derived id is this event's: honour it,
            // never store a second copy beside it.
            if (LegacyItems.mayHold(event.key(), facts)) {
                Optional<EventRecord> held = legacy.holding(event.key());
                if (held.isPresent()) {
                    return compare(event, held.get());
                }
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
                        reads.get(EventItem.key(event.key(), layout)).flatMap(EventItem::read);
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

    /**
     * Writes each event on its own, side by side. If some fail, the others stay stored and the failure says so: each
     * write is idempotent, so the caller may retry the whole batch.
     */
    List<AppendResult> appendAll(List<EventRecord> batch, TableMetadata.Facts facts, WriteCall call) {
        if (batch.size() == 1) {
            return List.of(call.run(() -> append(batch.get(0), facts)));
        }
        List<Future<AppendResult>> writes = new ArrayList<>(batch.size());
        for (EventRecord event : batch) {
            writes.add(StoreThreads.POOL.submit(() -> call.run(() -> append(event, facts))));
        }
        StoreThreads.Completion<AppendResult> done = StoreThreads.awaitAll(writes, "an event could not be written");
        RuntimeException firstFailure = done.firstFailure();
        if (firstFailure == null) {
            return List.copyOf(done.results());
        }
        if (firstFailure instanceof StoreUnavailableException) {
            throw new StoreUnavailableException(
                    done.failed() + " of " + batch.size() + " events could not be written (the others are stored;"
                            + " retrying the whole batch is safe): " + firstFailure.getMessage(),
                    firstFailure);
        }
        throw firstFailure;
    }

    /** Runs one write, turning what the SDK throws into the domain's failures. */
    @FunctionalInterface
    interface WriteCall {
        AppendResult run(java.util.function.Supplier<AppendResult> write);
    }

    private static AppendResult compare(EventRecord event, EventRecord stored) {
        return stored.equals(event) ? AppendResult.existing(event) : AppendResult.conflict(event);
    }
}
