package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.ErasureReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Finds and deletes one user's events: through the {@code byUser} index, which holds every event written with an id
 * (and every older one the backfill gave {@code at}), and, on a table that may hold items written without an id,
 * with a filtered scan for those of the user the index does not hold. Deletes go out as {@code BatchWriteItem}s of
 * 25, a few side by side, and what DynamoDB leaves unprocessed is sent again with backoff. Deleting an item that is
 * already gone changes nothing, so an erasure can be stopped and run again.
 */
final class UserErasure {

    /** Keys one index or scan request returns; a page of deletes is this many BatchWriteItems. */
    private static final int KEYS_PER_REQUEST = 500;

    private static final int ITEMS_PER_BATCH = 25;
    private static final int MAX_BATCH_ATTEMPTS = 8;

    private final DynamoDbClient client;
    private final String tableName;

    UserErasure(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /** Counts (and, when {@code delete}, deletes) the user's items; {@code facts} says whether a scan is needed. */
    ErasureReport run(String userId, boolean delete, TableMetadata.Facts facts) {
        SortedMap<LocalDate, Long> byDay = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = indexPage(userId, start);
            handle(page.items(), delete, byDay);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        if (!facts.noneWithoutId()) {
            do {
                ScanResponse page = unindexedPage(userId, start);
                handle(page.items(), delete, byDay);
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        return new ErasureReport(userId, byDay);
    }

    private QueryResponse indexPage(String userId, Map<String, AttributeValue> start) {
        try {
            return client.query(r -> r.tableName(tableName)
                    .indexName(UserIndex.NAME)
                    .keyConditionExpression("#u = :u")
                    .projectionExpression("#d, #t")
                    .expressionAttributeNames(
                            Map.of("#u", EventItem.USER_ID, "#d", EventItem.DATE, "#t", EventItem.TIME))
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId)))
                    .limit(KEYS_PER_REQUEST)
                    .exclusiveStartKey(start));
        } catch (DynamoDbException e) {
            if (UserIndexPresence.unreadableIndex(e)) {
                throw new StoreConfigurationException(
                        "DynamoDB table '" + tableName + "' has no readable '" + UserIndex.NAME + "' index, which"
                                + " erasure finds a user's events with: add it (global secondary index '"
                                + UserIndex.NAME + "': hash key " + EventItem.USER_ID + " S, range key " + EventItem.AT
                                + " S, projection ALL; a table the CDK stack made gets it on the next deploy), run"
                                + " backfill-user-index, then erase",
                        e);
            }
            throw e;
        }
    }

    /** Items of the user without {@code at}: written without an id and never backfilled, so not in the index. */
    private ScanResponse unindexedPage(String userId, Map<String, AttributeValue> start) {
        return client.scan(r -> r.tableName(tableName)
                .filterExpression("#u = :u AND attribute_not_exists(#a)")
                .projectionExpression("#d, #t")
                .expressionAttributeNames(
                        Map.of("#u", EventItem.USER_ID, "#a", EventItem.AT, "#d", EventItem.DATE, "#t", EventItem.TIME))
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId)))
                .consistentRead(true)
                .limit(KEYS_PER_REQUEST)
                .exclusiveStartKey(start));
    }

    private void handle(List<Map<String, AttributeValue>> items, boolean delete, SortedMap<LocalDate, Long> byDay) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            AttributeValue partitionKey = item.get(EventItem.DATE);
            String date = partitionKey == null ? null : ShardLayout.dateTextOf(partitionKey.s());
            if (date == null || item.get(EventItem.TIME) == null) {
                continue;
            }
            byDay.merge(LocalDate.parse(date), 1L, Long::sum);
            keys.add(Map.of(EventItem.DATE, partitionKey, EventItem.TIME, item.get(EventItem.TIME)));
        }
        if (delete && !keys.isEmpty()) {
            deleteAll(keys);
        }
    }

    private void deleteAll(List<Map<String, AttributeValue>> keys) {
        List<Future<Void>> batches = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += ITEMS_PER_BATCH) {
            List<Map<String, AttributeValue>> batch = keys.subList(i, Math.min(keys.size(), i + ITEMS_PER_BATCH));
            batches.add(StoreThreads.POOL.submit(() -> {
                deleteBatch(batch);
                return null;
            }));
        }
        RuntimeException failure = StoreThreads.<Void>awaitAll(batches, "a batch of deletes could not be sent")
                .firstFailure();
        if (failure != null) {
            throw failure;
        }
    }

    private void deleteBatch(List<Map<String, AttributeValue>> keys) {
        List<WriteRequest> pending = keys.stream()
                .map(key -> WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder().key(key).build())
                        .build())
                .toList();
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == MAX_BATCH_ATTEMPTS) {
                throw new StoreUnavailableException(
                        "DynamoDB table '" + tableName + "' left " + pending.size() + " deletes unprocessed after "
                                + MAX_BATCH_ATTEMPTS + " attempts; run the erasure again to finish it",
                        null);
            }
            if (attempt > 0) {
                pause(attempt);
            }
            Map<String, List<WriteRequest>> request = Map.of(tableName, pending);
            BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(request));
            pending = response.hasUnprocessedItems()
                    ? response.unprocessedItems().getOrDefault(tableName, List.of())
                    : List.of();
        }
    }

    /** Waits before resending what DynamoDB left unprocessed: it asks for exponential backoff. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2_000L, 50L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while erasing", e);
        }
    }
}
