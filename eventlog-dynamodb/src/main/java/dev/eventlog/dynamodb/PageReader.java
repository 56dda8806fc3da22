package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import dev.eventlog.core.retention.RetentionPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads one page of a query: for each day in order, a {@code Query} per write shard, merged by key; or a
 * {@code Scan} for all events. It keeps reading until it has the page plus one more matching event (then more
 * remain) or the data ends, because DynamoDB applies {@code Limit} before the filter and a 1 MB cap on every
 * response.
 */
final class PageReader {

    private final DynamoDbClient client;
    private final String tableName;
    private final ShardLayout layout;
    private final RetentionPolicy retention;

    PageReader(DynamoDbClient client, String tableName, ShardLayout layout, RetentionPolicy retention) {
        this.client = client;
        this.tableName = tableName;
        this.layout = layout;
        this.retention = retention;
    }

    Page read(EventQuery query, Optional<EventKey> after, Function<EventKey, Map<String, AttributeValue>> storedKey) {
        if (query.scope() instanceof QueryScope.AllEvents) {
            Collector page = new Collector(query, Optional.empty(), retention);
            scan(query, after.map(storedKey).orElse(null), page);
            return page.toPage();
        }
        Collector page = new Collector(query, after, retention);
        for (DayPartition day : DayPartition.walk(query, after)) {
            if (readDay(query, day, page)) {
                break;
            }
        }
        return page.toPage();
    }

    /** Reads one day's shards, merged in the query's order, into the page; true once the page is full and another match was seen. */
    private boolean readDay(EventQuery query, DayPartition day, Collector page) {
        Comparator<EventRecord> order = page.order();
        List<ShardCursor> cursors = new ArrayList<>(layout.shards());
        for (int shard = 0; shard < layout.shards(); shard++) {
            cursors.add(cursor(query, day, ShardLayout.partitionKey(day.dateText(), shard), page));
        }
        prefetch(cursors);
        PriorityQueue<ShardCursor> heads = new PriorityQueue<>(Math.max(1, cursors.size()),
                (a, b) -> order.compare(a.peek(), b.peek()));
        for (ShardCursor cursor : cursors) {
            if (cursor.peek() != null) {
                heads.add(cursor);
            }
        }
        while (!heads.isEmpty()) {
            ShardCursor head = heads.poll();
            if (page.offer(head.poll())) {
                return true;
            }
            if (head.peek() != null) {
                heads.add(head);
            }
        }
        return false;
    }

    /** Sends every shard's first request at once, so a day of N shards costs one round trip, not N. */
    private static void prefetch(List<ShardCursor> cursors) {
        if (cursors.size() == 1) {
            cursors.get(0).fetch();
            return;
        }
        List<Future<?>> fetches = new ArrayList<>(cursors.size());
        for (ShardCursor cursor : cursors) {
            fetches.add(StoreThreads.POOL.submit(cursor::fetch));
        }
        boolean interrupted = false;
        RuntimeException failure = null;
        for (Future<?> fetch : fetches) {
            while (true) {
                try {
                    fetch.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime
                                ? runtime : new StoreUnavailableException("a shard could not be read", e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private ShardCursor cursor(EventQuery query, DayPartition day, String partitionKey, Collector page) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#d", EventItem.DATE);
        values.put(":d", AttributeValue.fromS(partitionKey));
        StringBuilder condition = new StringBuilder("#d = :d");
        if (day.lowestRangeKey() != null || day.highestRangeKey() != null) {
            names.put("#t", EventItem.TIME);
            if (day.lowestRangeKey() != null && day.highestRangeKey() != null) {
                condition.append(" AND #t BETWEEN :lo AND :hi");
            } else {
                condition.append(day.lowestRangeKey() != null ? " AND #t >= :lo" : " AND #t <= :hi");
            }
            if (day.lowestRangeKey() != null) {
                values.put(":lo", AttributeValue.fromS(day.lowestRangeKey()));
            }
            if (day.highestRangeKey() != null) {
                values.put(":hi", AttributeValue.fromS(day.highestRangeKey()));
            }
        }
        String filter = filter(query, names, values);
        int shards = layout.shards();
        // With several shards each holds about 1/N of the page; asking each for its share (plus a margin) keeps the
        // items read per page close to one shard's, and a shard that runs short simply fetches again.
        return new ShardCursor((startKey, limit) -> {
            QueryRequest request = QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression(condition.toString())
                    .filterExpression(filter)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .scanIndexForward(query.order() == SortOrder.ASC)
                    .consistentRead(true)
                    .limit(limit)
                    .exclusiveStartKey(startKey)
                    .build();
            QueryResponse response = client.query(request);
            return new ShardCursor.Batch(response.items(), response.lastEvaluatedKey());
        }, page.order(), () -> shards == 1 ? page.wanted() : page.wanted() / shards + 2, filter != null);
    }

    private void scan(EventQuery query, Map<String, AttributeValue> startKey, Collector page) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String filter = filter(query, names, values);
        ShardCursor cursor = new ShardCursor((start, limit) -> {
            ScanRequest request = ScanRequest.builder()
                    .tableName(tableName)
                    .filterExpression(filter)
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values.isEmpty() ? null : values)
                    .consistentRead(true)
                    .limit(limit)
                    .exclusiveStartKey(start == null ? startKey : start)
                    .build();
            ScanResponse response = client.scan(request);
            return new ShardCursor.Batch(response.items(), response.lastEvaluatedKey());
        }, null, page::wanted, filter != null);
        for (EventRecord event = cursor.poll(); event != null; event = cursor.poll()) {
            if (page.offer(event)) {
                return;
            }
        }
    }

    private static String filter(EventQuery query, Map<String, String> names, Map<String, AttributeValue> values) {
        List<String> terms = new ArrayList<>();
        if (query.userId() != null) {
            names.put("#u", EventItem.USER_ID);
            values.put(":u", AttributeValue.fromS(query.userId()));
            terms.add("#u = :u");
        }
        if (query.eventType() != null) {
            names.put("#e", EventItem.EVENT_TYPE);
            values.put(":e", AttributeValue.fromS(query.eventType()));
            terms.add("#e = :e");
        }
        return terms.isEmpty() ? null : String.join(" AND ", terms);
    }

    /**
     * The page being filled: it holds up to {@code limit} matches and notices the first match beyond them. Events
     * at or before the resume key (in the query's order) were on earlier pages and are passed over.
     */
    private static final class Collector {
        private final EventQuery query;
        private final Optional<EventKey> after;
        private final RetentionPolicy retention;
        private final Comparator<EventRecord> order;
        private final List<EventRecord> items = new ArrayList<>();
        private boolean more;

        Collector(EventQuery query, Optional<EventKey> after, RetentionPolicy retention) {
            this.query = query;
            this.after = after;
            this.retention = retention;
            Comparator<EventRecord> ascending = Comparator.comparing(EventRecord::key);
            this.order = query.order() == SortOrder.DESC ? ascending.reversed() : ascending;
        }

        Comparator<EventRecord> order() {
            return order;
        }

        /** How many more matching items would settle this page: the rest of it plus one to know if more remain. */
        int wanted() {
            return query.limit() - items.size() + 1;
        }

        /** Takes an event; true when it is a match beyond a full page. */
        boolean offer(EventRecord event) {
            // The server already applied the key condition and the filter; checking again keeps a second-only time
            // at the edge of a range out of the page.
            // Time to live deletes days late, so an expired item may still be read: it is passed over like a non-match.
            if (!query.matches(event) || retention.expired(event)) {
                return false;
            }
            if (after.isPresent()) {
                int versusResume = event.key().compareTo(after.get());
                if (query.order() == SortOrder.DESC ? versusResume >= 0 : versusResume <= 0) {
                    return false;
                }
            }
            if (items.size() == query.limit()) {
                more = true;
                return true;
            }
            items.add(event);
            return false;
        }

        Page toPage() {
            return new Page(items, more ? Optional.of(items.get(items.size() - 1).key()) : Optional.empty());
        }
    }
}
