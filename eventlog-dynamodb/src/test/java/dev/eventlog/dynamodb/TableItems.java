package dev.eventlog.dynamodb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Test data written straight into a table, the way other programs (such as the original system) write it. */
final class TableItems {

    /** Days before any day a store under test first writes a table: the only days the original system's items hold. */
    private static final AtomicInteger NEXT_PAST_DAY = new AtomicInteger();

    private TableItems() {}

    /**
     * A day that no other call returns, before today: items written without an id lie only on days up to the one a
     * store first wrote their table (it records that day), so tests put them on past days, as the original system did.
     */
    static LocalDate uniquePastDay() {
        return LocalDate.of(2001, 1, 1).plusDays(NEXT_PAST_DAY.getAndIncrement());
    }

    /** An item in the original Node.js system's shape: date, time, userId and eventType only. */
    static Map<String, AttributeValue> original(String date, String time, String userId, String eventType) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("date", AttributeValue.fromS(date));
        item.put("time", AttributeValue.fromS(time));
        item.put("userId", AttributeValue.fromS(userId));
        item.put("eventType", AttributeValue.fromS(eventType));
        return item;
    }

    /** The same with a string attribute of about {@code bytes} bytes, to make items of a given size. */
    static Map<String, AttributeValue> padded(String date, String time, String userId, int bytes) {
        Map<String, AttributeValue> item = original(date, time, userId, "padded");
        item.put("attributes", AttributeValue.fromM(Map.of("pad", AttributeValue.fromS("p".repeat(bytes)))));
        return item;
    }

    /** Writes the items with BatchWriteItem, 25 at a time, resending whatever the server left unprocessed. */
    static void write(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> requests = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(i, Math.min(items.size(), i + 25))) {
                requests.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, requests);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == 10) {
                    throw new IllegalStateException("the server kept items unprocessed: " + pending);
                }
                BatchWriteItemResponse response = client.batchWriteItem(
                        BatchWriteItemRequest.builder().requestItems(pending).build());
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
