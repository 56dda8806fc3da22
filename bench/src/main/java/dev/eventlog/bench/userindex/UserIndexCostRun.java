package dev.eventlog.bench.userindex;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What a user's history costs with the {@code byUser} index: two tables of 500 users over 60 days (a small and a
 * large one) on dynalite, read alternately in one JVM, for the first page of one user with no date and of one user
 * in a 7-day range; p50 of each size and their ratio, items read per page (the responses' {@code ScannedCount}),
 * and the items the scan-and-filter it replaces read for the same first page. Arguments: endpoint, small size,
 * large size, warm-up pairs, measured pairs, and optionally {@code loaded} when the tables are already filled.
 */
public final class UserIndexCostRun {

    private static final int USERS = 500;
    private static final int DAYS = 60;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final AtomicLong SCANNED = new AtomicLong();

    private UserIndexCostRun() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        int small = Integer.parseInt(args[1]);
        int large = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int measured = Integer.parseInt(args[4]);
        DynamoDbClient client = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                        if (context.response() instanceof QueryResponse query) {
                            SCANNED.addAndGet(query.scannedCount());
                        } else if (context.response() instanceof ScanResponse scan) {
                            SCANNED.addAndGet(scan.scannedCount());
                        }
                    }
                }))
                .build();
        String smallTable = "user_index_" + small;
        String largeTable = "user_index_" + large;
        if (args.length < 6 || !args[5].equals("loaded")) {
            load(client, smallTable, small);
            load(client, largeTable, large);
        }
        DynamoDbEventLog smallLog = DynamoDbEventLog.builder().client(client).tableName(smallTable).build();
        DynamoDbEventLog largeLog = DynamoDbEventLog.builder().client(client).tableName(largeTable).build();
        String user = "user-7";
        EventQuery noDate = new EventQuery(new QueryScope.AllEvents(), user, null, SortOrder.DESC, 100);
        EventQuery week = new EventQuery(new QueryScope.Range(new EventTime(FIRST_DAY.plusDays(25), LocalTime.MIDNIGHT),
                new EventTime(FIRST_DAY.plusDays(32), LocalTime.MIDNIGHT)), user, null, SortOrder.ASC, 100);
        System.out.println("read\tsmall_p50_ms\tlarge_p50_ms\tratio\tsmall_items_read\tlarge_items_read\tlarge_scan_and_filter_items_read\tpage_events_large");
        for (Map.Entry<String, EventQuery> read : List.of(Map.entry("user, no date", noDate), Map.entry("user, 7 days", week))) {
            long[][] nanos = new long[2][measured];
            for (int i = 0; i < warmup + measured; i++) {
                boolean smallFirst = i % 2 == 0;
                long first = timed(smallFirst ? smallLog : largeLog, read.getValue());
                long second = timed(smallFirst ? largeLog : smallLog, read.getValue());
                if (i >= warmup) {
                    nanos[0][i - warmup] = smallFirst ? first : second;
                    nanos[1][i - warmup] = smallFirst ? second : first;
                }
            }
            long smallItems = itemsRead(smallLog, read.getValue());
            long largeItems = itemsRead(largeLog, read.getValue());
            int pageEvents = largeLog.query(read.getValue(), Optional.empty()).items().size();
            // Before the index: no date was a scan filtered by user; a range read every event of its days.
            long scanned = read.getValue().scope() instanceof QueryScope.AllEvents
                    ? scanAndFilter(client, largeTable, user, pageEvents)
                    : itemsRead(largeLog, new EventQuery(read.getValue().scope(), null, "no-such-type", SortOrder.ASC, 100));
            double smallP50 = p50(nanos[0]);
            double largeP50 = p50(nanos[1]);
            System.out.printf("%s\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d%n", read.getKey(), smallP50, largeP50, largeP50 / smallP50,
                    smallItems, largeItems, scanned, pageEvents);
        }
    }

    /** Event i: users and days taken in turn, so every user has events on many days. */
    static EventRecord event(int i) {
        LocalDate day = FIRST_DAY.plusDays(i % DAYS);
        LocalTime time = LocalTime.ofSecondOfDay((i / DAYS) % 86_400);
        return new EventRecord(new EventTime(day, time).withId("e" + i), "user-" + (i % USERS), i % 5 == 0 ? "login" : "view");
    }

    /** The stored item, as the store writes it (one write shard), so a table loads at BatchWriteItem speed. */
    private static Map<String, AttributeValue> item(EventRecord event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("date", AttributeValue.fromS(event.key().dateText()));
        item.put("time", AttributeValue.fromS(event.key().timeText() + "#" + event.eventId()));
        item.put("eventId", AttributeValue.fromS(event.eventId()));
        item.put("userId", AttributeValue.fromS(event.userId()));
        item.put("eventType", AttributeValue.fromS(event.eventType()));
        item.put("at", AttributeValue.fromS(event.key().dateText() + "T" + event.key().timeText() + "#" + event.eventId()));
        return item;
    }

    private static void load(DynamoDbClient client, String table, int size) throws Exception {
        DynamoDbEventLog.createTable(client, table);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int from = 0; from < size; from += 25) {
                int start = from;
                writes.add(pool.submit(() -> {
                    List<WriteRequest> batch = new ArrayList<>();
                    for (int i = start; i < Math.min(size, start + 25); i++) {
                        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(event(i))).build()).build());
                    }
                    Map<String, List<WriteRequest>> pending = Map.of(table, batch);
                    while (!pending.isEmpty()) {
                        var response = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                        pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long timed(DynamoDbEventLog log, EventQuery query) {
        long started = System.nanoTime();
        log.query(query, Optional.empty());
        return System.nanoTime() - started;
    }

    private static long itemsRead(DynamoDbEventLog log, EventQuery query) {
        SCANNED.set(0);
        log.query(query, Optional.empty());
        return SCANNED.get();
    }

    /** Items a filtered scan (what a query by user without a date was before the index) reads to find the page. */
    private static long scanAndFilter(DynamoDbClient client, String table, String user, int pageEvents) {
        long scanned = 0;
        int found = 0;
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = client.scan(ScanRequest.builder().tableName(table).consistentRead(true)
                    .filterExpression("userId = :u").expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user)))
                    .exclusiveStartKey(start).build());
            scanned += page.scannedCount();
            found += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found <= pageEvents);
        return scanned;
    }

    private static double p50(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
