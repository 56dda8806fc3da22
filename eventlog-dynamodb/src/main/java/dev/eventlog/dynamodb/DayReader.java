package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventIds;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.SortOrder;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Reads a day or a range into a page: for each day in order, a {@code Query} per write shard, merged by key. Each
 * shard's read starts exactly after the page's resume key, so a page costs what it takes, however many events
 * share a millisecond. When the read budget is spent, a shard stops at the last key it evaluated, and the page ends
 * at the nearest such key, having handed out every event before it.
 */
final class DayReader {

    private static final LocalTime LAST_MILLISECOND = LocalTime.of(23, 59, 59, 999_000_000);
    /** The lowest and the highest valid ids ('-' and '~' are the lowest and highest allowed characters). */
    private static final String LOWEST_ID = "-";

    private static final String HIGHEST_ID = "~".repeat(EventIds.MAX_LENGTH);

    private final DynamoDbClient client;
    private final String tableName;
    private final ShardLayout layout;
    private final LegacyItems legacy;

    DayReader(DynamoDbClient client, String tableName, ShardLayout layout, LegacyItems legacy) {
        this.client = client;
        this.tableName = tableName;
        this.layout = layout;
        this.legacy = legacy;
    }

    /**
     * Reads the days in order. Empty days cost a round trip each, so the first requests of the next days go out
     * together, one day, then two, four and so on up to what the threads allow, so a sparse range costs few round
     * trips while a page that the first day fills reads little beyond it. {@code filter} is the query's filter on
     * the table (its type, and its user where no index serves the query).
     */
    void read(PageCollector page, ReadBudget budget, TableMetadata.Facts facts, ItemFilter filter) {
        EventQuery query = page.query();
        List<DayPartition> days = DayPartition.walk(query, page.after());
        int mostDays = Math.max(1, StoreThreads.THREADS / layout.shards());
        int window = 1;
        int next = 0;
        while (next < days.size()) {
            if (next > 0 && budget.spent()) {
                EventKey end = endOf(days.get(next - 1), query.order());
                if (page.beyondStart(end)) {
                    page.stopAt(end);
                    return;
                }
            }
            int count = Math.min(Math.min(window, mostDays), days.size() - next);
            List<List<PartitionCursor>> round = new ArrayList<>(count);
            List<PartitionCursor> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                DayPartition day = days.get(next + i);
                List<PartitionCursor> cursors = new ArrayList<>(layout.shards());
                for (int shard = 0; shard < layout.shards(); shard++) {
                    cursors.add(cursor(page, day, shard, budget, facts, filter));
                }
                round.add(cursors);
                all.addAll(cursors);
            }
            prefetch(all);
            for (int i = 0; i < count; i++) {
                if (readDay(page, round.get(i))) {
                    return;
                }
            }
            next += count;
            window = Math.min(window * 2, mostDays);
        }
    }

    /** The last key of a day in the query's order: a page that stops between days resumes after it. */
    static EventKey endOf(DayPartition day, SortOrder order) {
        return order == SortOrder.ASC
                ? new EventKey(day.date(), LAST_MILLISECOND, HIGHEST_ID)
                : new EventKey(day.date(), LocalTime.MIDNIGHT, LOWEST_ID);
    }

    /**
     * Reads one day's shards, merged in the query's order, into the page; true once the page is full and another
     * match was seen, or the budget stopped it. A shard that stalls for the budget has read everything up to its
     * frontier: the page takes every event before the nearest frontier and resumes after it.
     */
    private static boolean readDay(PageCollector page, List<PartitionCursor> cursors) {
        var order = page.order();
        PriorityQueue<PartitionCursor> heads = new PriorityQueue<>(
                Math.max(1, cursors.size()),
                (a, b) -> order.compare(a.peek().key(), b.peek().key()));
        EventKey frontier = null;
        for (PartitionCursor cursor : cursors) {
            if (cursor.peek() != null) {
                heads.add(cursor);
            }
            frontier = nearer(frontier, cursor, page);
        }
        while (!heads.isEmpty()) {
            PartitionCursor head = heads.poll();
            if (frontier != null && order.compare(head.peek().key(), frontier) >= 0) {
                break;
            }
            if (page.offer(head.poll())) {
                return true;
            }
            // The page is full and this cursor read a further match with it: more remain, known without another
            // request. Every event the cursor still holds comes after the page's last one, since that came out of
            // the same cursor before them.
            if (page.full() && head.holds(page::accepts)) {
                page.moreRemain();
                return true;
            }
            if (head.peek() != null) {
                heads.add(head);
            }
            frontier = nearer(frontier, head, page);
        }
        if (frontier == null) {
            return false;
        }
        page.stopAt(frontier);
        return true;
    }

    /** The nearer of {@code current} and the cursor's frontier, when the cursor stalled for the budget. */
    private static EventKey nearer(EventKey current, PartitionCursor cursor, PageCollector page) {
        if (!cursor.stalled() || cursor.peek() != null) {
            return current;
        }
        EventKey candidate = cursor.frontier();
        return current == null || page.order().compare(candidate, current) < 0 ? candidate : current;
    }

    /** Sends every shard's first request at once, so a day of N shards costs one round trip, not N. */
    private static void prefetch(List<PartitionCursor> cursors) {
        if (cursors.size() == 1) {
            cursors.get(0).fetch();
            return;
        }
        List<Future<?>> fetches = new ArrayList<>(cursors.size());
        for (PartitionCursor cursor : cursors) {
            fetches.add(StoreThreads.POOL.submit(cursor::fetch));
        }
        RuntimeException failure = StoreThreads.<Object>awaitAll(fetches, "a shard could not be read")
                .firstFailure();
        if (failure != null) {
            throw failure;
        }
    }

    private PartitionCursor cursor(
            PageCollector page,
            DayPartition day,
            int shard,
            ReadBudget budget,
            TableMetadata.Facts facts,
            ItemFilter filter) {
        EventQuery query = page.query();
        String dateText = day.dateText();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#d", EventItem.DATE);
        values.put(":d", AttributeValue.fromS(ShardLayout.partitionKey(dateText, shard)));
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
        String filterExpression = filter.apply(names, values);
        int shards = layout.shards();
        boolean ascending = query.order() == SortOrder.ASC;
        // With several shards each holds about 1/N of the page; asking each for its share (plus a margin) keeps the
        // items read per page close to one shard's, and a shard that runs short simply fetches again.
        ItemCursor items = new ItemCursor(
                (startKey, limit) -> {
                    ReadBudget.Grant grant = budget.grant(limit);
                    QueryResponse response = client.query(QueryRequest.builder()
                            .tableName(tableName)
                            .keyConditionExpression(condition.toString())
                            .filterExpression(filterExpression)
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .scanIndexForward(ascending)
                            .consistentRead(true)
                            .limit(grant.limit())
                            .exclusiveStartKey(startKey)
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                            .build());
                    budget.charge(grant, response.consumedCapacity(), response.scannedCount(), true);
                    return new ItemCursor.Batch(response.items(), response.lastEvaluatedKey());
                },
                () -> shards == 1 ? page.wanted() : page.wanted() / shards + 2,
                filterExpression != null);
        items.stoppable(c -> budget.spent() && page.beyondStart(PartitionCursor.frontierOf(dateText, c)));
        PartitionCursor.MillisecondLookup lookup = LegacyItems.mayHold(day, shard, facts)
                ? millisecond -> legacy.withoutId(dateText, millisecond, budget::charge)
                : null;
        EventKey resumeInside =
                page.after().filter(after -> after.date().equals(day.date())).orElse(null);
        return new PartitionCursor(items, dateText, ascending, lookup, resumeInside);
    }
}
