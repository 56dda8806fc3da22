package dev.eventlog.bench.load;

import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.bench.dynalite.DynaliteStores;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Creates the benchmark tables on dynalite and fills each with its sample events, 25 to a
 * {@code BatchWriteItem}, several requests in flight, so that 100,000 events load in well under a minute.
 * Arguments: {@code TABLE=COUNT} pairs. The endpoint is {@code -Dbench.dynamodb.endpoint}.
 */
public final class DynaliteLoader {

    private static final int BATCH = 25;
    private static final int IN_FLIGHT = 6;

    private DynaliteLoader() {
    }

    public static void main(String[] args) throws Exception {
        DynamoDbClient client = DynaliteStores.loadingClient();
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            for (String arg : args) {
                String[] parts = arg.split("=", 2);
                long started = System.nanoTime();
                load(client, pool, parts[0], Integer.parseInt(parts[1]));
                System.out.printf("loaded %s with %s events in %.1f s%n", parts[0], parts[1], (System.nanoTime() - started) / 1e9);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void load(DynamoDbClient client, ExecutorService pool, String table, int count) throws Exception {
        DynamoDbEventLog.createTable(client, table);
        List<Future<?>> writes = new ArrayList<>();
        for (int first = 0; first < count; first += BATCH) {
            int from = first;
            int to = Math.min(count, first + BATCH);
            writes.add(pool.submit(() -> writeBatch(client, table, from, to)));
        }
        for (Future<?> write : writes) {
            write.get();
        }
    }

    private static void writeBatch(DynamoDbClient client, String table, int from, int to) {
        List<WriteRequest> requests = new ArrayList<>(to - from);
        for (int n = from; n < to; n++) {
            requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(SampleLog.event(n))).build()).build());
        }
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 10) {
                throw new IllegalStateException("dynalite kept items unprocessed after 10 attempts");
            }
            BatchWriteItemResponse response = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    /** The item as the store writes it: key attributes as text, the attributes as a map of strings. */
    private static Map<String, AttributeValue> item(EventRecord event) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        event.attributes().forEach((k, v) -> attributes.put(k, AttributeValue.fromS(v)));
        return Map.of(
                "date", AttributeValue.fromS(event.key().dateText()),
                "time", AttributeValue.fromS(SampleLog.rangeKey(event.key())),
                "eventId", AttributeValue.fromS(event.eventId()),
                "userId", AttributeValue.fromS(event.userId()),
                "eventType", AttributeValue.fromS(event.eventType()),
                "attributes", AttributeValue.fromM(attributes));
    }
}
