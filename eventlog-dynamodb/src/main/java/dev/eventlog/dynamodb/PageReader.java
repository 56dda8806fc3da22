package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventIds;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import dev.eventlog.core.retention.RetentionPolicy;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads one page of a query: a user's events from the {@link UserIndex}; for each day in order, a {@code Query} per
 * write shard, merged by key; or a {@code Scan} for all events. It keeps reading until it has the page plus one more
 * matching event (then more remain) or the data ends, because DynamoDB applies {@code Limit} before the filter and a
 * 1 MB cap on every response; or until the page's {@link ReadBudget} is spent, when the page ends where reading
 * stopped and its resume key says that more may remain.
 */
final class PageReader {

    private static final LocalTime LAST_MILLISECOND = LocalTime.of(23, 59, 59, 999_000_000);
    /** The lowest and the highest valid ids ('-' and '~' are the lowest and highest allowed characters). */
    private static final String LOWEST_ID = "-";

    private static final String HIGHEST_ID = "~".repeat(EventIds.MAX_LENGTH);

    private final DynamoDbClient client;
    private final String tableName;
    private final ShardLayout layout;
    private final RetentionPolicy retention;
    private final ReadBudget.Limits limits;
    private final LongSupplier nanoClock;

    PageReader(
            DynamoDbClient client,
            String tableName,
            ShardLayout layout,
            RetentionPolicy retention,
            ReadBudget.Limits limits,
            LongSupplier nanoClock) {
        this.client = client;
        this.tableName = tableName;
        this.layout = layout;
        this.retention = retention;
        this.limits = limits;
        this.nanoClock = nanoClock;
    }

    Page read(EventQuery query, Optional<EventKey> after, Function<EventKey, Map<String, AttributeValue>> storedKey) {
        ReadBudget budget = new ReadBudget(limits, nanoClock);
        if (query.userId() != null) {
            Collector page = new Collector(query, after, retention);
            readUserIndex(query, after, page, budget);
            return page.toPage();
        }
        if (query.scope() instanceof QueryScope.AllEvents) {
            Collector page = new Collector(query, Optional.empty(), retention);
            scan(query, after.map(storedKey).orElse(null), page, budget);
            return page.toPage();
        }
        Collector page = new Collector(query, after, retention);
        readDays(query, after, page, budget);
        return page.toPage();
    }

    /**
     * Reads a user's events from the index, which holds them in key order; index reads are eventually consistent,
     * the only kind DynamoDB offers on a global secondary index.
     */
    private void readUserIndex(EventQuery query, Optional<EventKey> after, Collector page, ReadBudget budget) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#u", EventItem.USER_ID);
        values.put(":u", AttributeValue.fromS(query.userId()));
        StringBuilder condition = new StringBuilder("#u = :u");
        UserIndex.Bounds bounds = UserIndex.bounds(query, after);
        if (bounds.prefix() != null || bounds.low() != null || bounds.high() != null) {
            names.put("#a", EventItem.AT);
        }
        if (bounds.prefix() != null) {
            condition.append(" AND begins_with(#a, :p)");
            values.put(":p", AttributeValue.fromS(bounds.prefix()));
        } else if (bounds.low() != null && bounds.high() != null) {
            condition.append(" AND #a BETWEEN :lo AND :hi");
        } else if (bounds.low() != null) {
            condition.append(" AND #a >= :lo");
        } else if (bounds.high() != null) {
            condition.append(" AND #a <= :hi");
        }
        if (bounds.prefix() == null && bounds.low() != null) {
            values.put(":lo", AttributeValue.fromS(bounds.low()));
        }
        if (bounds.prefix() == null && bounds.high() != null) {
            values.put(":hi", AttributeValue.fromS(bounds.high()));
        }
        Map<String, String> filterNames = new HashMap<>();
        Map<String, AttributeValue> filterValues = new HashMap<>();
        String filter = typeFilter(query, filterNames, filterValues);
        names.putAll(filterNames);
        values.putAll(filterValues);
        // The index returns events in exact key order, so the cursor passes them on as they come (no order to restore).
        ShardCursor cursor = new ShardCursor(
                (startKey, limit) -> {
                    ReadBudget.Grant grant = budget.grant(limit);
                    QueryResponse response = client.query(QueryRequest.builder()
                            .tableName(tableName)
                            .indexName(UserIndex.NAME)
                            .keyConditionExpression(condition.toString())
                            .filterExpression(filter)
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .scanIndexForward(query.order() == SortOrder.ASC)
                            .limit(grant.limit())
                            .exclusiveStartKey(startKey)
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                            .build());
                    budget.charge(grant, response.consumedCapacity(), response.scannedCount(), false);
                    return new ShardCursor.Batch(response.items(), response.lastEvaluatedKey());
                },
                null,
                page::wanted,
                filter != null);
        cursor.stoppable(
                c -> budget.spent() && beyond(query, UserIndex.keyOf(c.lastEvaluatedKey()), after), key -> null);
        for (EventRecord event = cursor.poll(); event != null; event = cursor.poll()) {
            if (page.offer(event)) {
                return;
            }
        }
        if (cursor.stalled()) {
            page.stopAt(UserIndex.keyOf(cursor.lastEvaluatedKey()));
        }
    }

    /** True when {@code position} lies past {@code after} in the query's order, so that stopping there makes progress. */
    private static boolean beyond(EventQuery query, EventKey position, Optional<EventKey> after) {
        if (position == null) {
            return false;
        }
        if (after.isEmpty()) {
            return true;
        }
        int compared = position.compareTo(after.get());
        return query.order() == SortOrder.ASC ? compared > 0 : compared < 0;
    }

    /**
     * Reads the days in order. Empty days cost a round trip each, so the first requests of the next days go out
     * together, one day, then two, four and so on up to what the threads allow, so a sparse range costs few round
     * trips while a page that the first day fills reads little beyond it.
     */
    private void readDays(EventQuery query, Optional<EventKey> after, Collector page, ReadBudget budget) {
        List<DayPartition> days = DayPartition.walk(query, after);
        int mostDays = Math.max(1, StoreThreads.THREADS / layout.shards());
        int window = 1;
        int next = 0;
        while (next < days.size()) {
            if (next > 0 && budget.spent()) {
                EventKey end = endOf(days.get(next - 1), query.order());
                if (beyond(query, end, after)) {
                    page.stopAt(end);
                    return;
                }
            }
            int count = Math.min(Math.min(window, mostDays), days.size() - next);
            List<List<ShardCursor>> round = new ArrayList<>(count);
            List<ShardCursor> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<ShardCursor> cursors = new ArrayList<>(layout.shards());
                DayPartition day = days.get(next + i);
                for (int shard = 0; shard < layout.shards(); shard++) {
                    cursors.add(cursor(query, day, ShardLayout.partitionKey(day.dateText(), shard), page, budget));
                }
                round.add(cursors);
                all.addAll(cursors);
            }
            prefetch(all);
            for (int i = 0; i < count; i++) {
                if (readDay(query, days.get(next + i), round.get(i), page)) {
                    return;
                }
            }
            next += count;
            window = Math.min(window * 2, mostDays);
        }
    }

    /** The last key of a day in the query's order: a page that stops between days resumes after it. */
    private static EventKey endOf(DayPartition day, SortOrder order) {
        return order == SortOrder.ASC
                ? new EventKey(day.date(), LAST_MILLISECOND, HIGHEST_ID)
                : new EventKey(day.date(), LocalTime.MIDNIGHT, LOWEST_ID);
    }

    /**
     * Reads one day's shards, merged in the query's order, into the page; true once the page is full and another
     * match was seen, or the budget stopped it. A shard that stalls for the budget has read everything before the
     * millisecond of its last evaluated key: the page takes every event before the nearest such millisecond and
     * resumes just before it.
     */
    private boolean readDay(EventQuery query, DayPartition day, List<ShardCursor> cursors, Collector page) {
        Comparator<EventRecord> order = page.order();
        boolean ascending = query.order() == SortOrder.ASC;
        PriorityQueue<ShardCursor> heads =
                new PriorityQueue<>(Math.max(1, cursors.size()), (a, b) -> order.compare(a.peek(), b.peek()));
        EventTime frontier = null;
        for (ShardCursor cursor : cursors) {
            if (cursor.peek() != null) {
                heads.add(cursor);
            } else if (cursor.stalled()) {
                frontier = nearer(frontier, position(day, cursor), ascending);
            }
        }
        while (!heads.isEmpty()) {
            ShardCursor head = heads.poll();
            if (frontier != null && !inOrder(head.peek().key().moment(), frontier, ascending)) {
                break;
            }
            if (page.offer(head.poll())) {
                return true;
            }
            // The page is full and this cursor read a further match with it (often the one held back because its
            // millisecond might continue): more remain, known without another request. Every event the cursor
            // still holds comes after the page's last one, since that came out of the same cursor before them.
            if (page.full() && head.holds(page::accepts)) {
                page.moreRemain();
                return true;
            }
            if (head.peek() != null) {
                heads.add(head);
            } else if (head.stalled()) {
                frontier = nearer(frontier, position(day, head), ascending);
            }
        }
        if (frontier == null) {
            return false;
        }
        page.stopAt(
                ascending
                        ? EventTime.at(frontier.instant().minusMillis(1)).withId(HIGHEST_ID)
                        : frontier.nextMillisecond().withId(LOWEST_ID));
        return true;
    }

    private static boolean inOrder(EventTime first, EventTime second, boolean ascending) {
        int compared = first.compareTo(second);
        return ascending ? compared < 0 : compared > 0;
    }

    private static EventTime nearer(EventTime current, EventTime candidate, boolean ascending) {
        return current == null || inOrder(candidate, current, ascending) ? candidate : current;
    }

    /** The millisecond of a cursor's last evaluated key, or null when its range key is not an event's. */
    private static EventTime position(DayPartition day, ShardCursor cursor) {
        return rangeKeyMoment(day, cursor.lastEvaluatedKey());
    }

    private static EventTime rangeKeyMoment(DayPartition day, Map<String, AttributeValue> key) {
        AttributeValue rangeKey = key == null ? null : key.get(EventItem.TIME);
        if (rangeKey == null || rangeKey.s() == null) {
            return null;
        }
        String text = rangeKey.s();
        int hash = text.indexOf('#');
        try {
            return EventTime.parse(day.dateText(), hash < 0 ? text : text.substring(0, hash));
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /**
     * True when a cursor may stop at its position: the page would resume strictly inside the day part it reads and
     * past where this page began, so the next page makes progress.
     */
    private static boolean mayStallAt(DayPartition day, EventTime position, boolean ascending) {
        if (position == null) {
            return false;
        }
        if (ascending) {
            EventTime floor = day.lowestRangeKey() == null
                    ? new EventTime(day.date(), LocalTime.MIDNIGHT)
                    : EventTime.parse(day.dateText(), day.lowestRangeKey());
            return position.compareTo(floor.nextMillisecond()) > 0;
        }
        EventTime ceiling = day.highestRangeKey() == null
                ? new EventTime(day.date(), LAST_MILLISECOND)
                : EventTime.parse(
                        day.dateText(),
                        day.highestRangeKey().substring(0, day.highestRangeKey().length() - 1));
        return position.nextMillisecond().compareTo(ceiling) < 0;
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
        RuntimeException failure = StoreThreads.<Object>awaitAll(fetches, "a shard could not be read")
                .firstFailure();
        if (failure != null) {
            throw failure;
        }
    }

    private ShardCursor cursor(
            EventQuery query, DayPartition day, String partitionKey, Collector page, ReadBudget budget) {
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
        String filter = typeFilter(query, names, values);
        int shards = layout.shards();
        // With several shards each holds about 1/N of the page; asking each for its share (plus a margin) keeps the
        // items read per page close to one shard's, and a shard that runs short simply fetches again.
        ShardCursor cursor = new ShardCursor(
                (startKey, limit) -> {
                    ReadBudget.Grant grant = budget.grant(limit);
                    QueryRequest request = QueryRequest.builder()
                            .tableName(tableName)
                            .keyConditionExpression(condition.toString())
                            .filterExpression(filter)
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .scanIndexForward(query.order() == SortOrder.ASC)
                            .consistentRead(true)
                            .limit(grant.limit())
                            .exclusiveStartKey(startKey)
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                            .build();
                    QueryResponse response = client.query(request);
                    budget.charge(grant, response.consumedCapacity(), response.scannedCount(), true);
                    return new ShardCursor.Batch(response.items(), response.lastEvaluatedKey());
                },
                page.order(),
                () -> shards == 1 ? page.wanted() : page.wanted() / shards + 2,
                filter != null);
        boolean ascending = query.order() == SortOrder.ASC;
        return cursor.stoppable(
                c -> budget.spent() && mayStallAt(day, position(day, c), ascending), key -> rangeKeyMoment(day, key));
    }

    private void scan(EventQuery query, Map<String, AttributeValue> startKey, Collector page, ReadBudget budget) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String filter = typeFilter(query, names, values);
        ShardCursor cursor = new ShardCursor(
                (start, limit) -> {
                    ReadBudget.Grant grant = budget.grant(limit);
                    ScanRequest request = ScanRequest.builder()
                            .tableName(tableName)
                            .filterExpression(filter)
                            .expressionAttributeNames(names.isEmpty() ? null : names)
                            .expressionAttributeValues(values.isEmpty() ? null : values)
                            .consistentRead(true)
                            .limit(grant.limit())
                            .exclusiveStartKey(start == null ? startKey : start)
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                            .build();
                    ScanResponse response = client.scan(request);
                    budget.charge(grant, response.consumedCapacity(), response.scannedCount(), true);
                    return new ShardCursor.Batch(response.items(), response.lastEvaluatedKey());
                },
                null,
                page::wanted,
                filter != null);
        Map<Map<String, AttributeValue>, Optional<EventKey>> positions = new HashMap<>();
        cursor.stoppable(
                c -> budget.spent()
                        && positions
                                .computeIfAbsent(c.lastEvaluatedKey(), this::scanPosition)
                                .isPresent(),
                key -> null);
        for (EventRecord event = cursor.poll(); event != null; event = cursor.poll()) {
            if (page.offer(event)) {
                return;
            }
        }
        if (cursor.stalled()) {
            page.stopAt(positions.get(cursor.lastEvaluatedKey()).orElseThrow());
        }
    }

    /**
     * The event key of the item where a scan stopped, for the next page to continue after it; empty when that item
     * holds no event (the store's metadata), so the scan reads on to one that does. An item written without an id
     * has one derived from its content, which only the item itself holds.
     */
    private Optional<EventKey> scanPosition(Map<String, AttributeValue> lastEvaluatedKey) {
        AttributeValue partitionKey = lastEvaluatedKey.get(EventItem.DATE);
        AttributeValue rangeKey = lastEvaluatedKey.get(EventItem.TIME);
        if (partitionKey == null || rangeKey == null || partitionKey.s() == null || rangeKey.s() == null) {
            return Optional.empty();
        }
        String date = ShardLayout.dateTextOf(partitionKey.s());
        int hash = rangeKey.s().indexOf('#');
        if (date == null) {
            return Optional.empty();
        }
        if (hash >= 0) {
            try {
                return Optional.of(EventKey.parse(
                        date, rangeKey.s().substring(0, hash), rangeKey.s().substring(hash + 1)));
            } catch (InvalidInputException e) {
                return Optional.empty();
            }
        }
        var response = client.getItem(GetItemRequest.builder()
                .tableName(tableName)
                .consistentRead(true)
                .key(EventItem.key(partitionKey.s(), rangeKey.s()))
                .build());
        return response.hasItem() ? EventItem.read(response.item()).map(EventRecord::key) : Optional.empty();
    }

    /** The filter on {@code eventType}; a query by {@code userId} never reaches the table, only the index. */
    private static String typeFilter(EventQuery query, Map<String, String> names, Map<String, AttributeValue> values) {
        if (query.eventType() == null) {
            return null;
        }
        names.put("#e", EventItem.EVENT_TYPE);
        values.put(":e", AttributeValue.fromS(query.eventType()));
        return "#e = :e";
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
        private EventKey stoppedAt;

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
            if (!accepts(event)) {
                return false;
            }
            if (full()) {
                more = true;
                return true;
            }
            items.add(event);
            return false;
        }

        /** True when the event belongs on this page or a later one: a match, unexpired, past the resume key. */
        boolean accepts(EventRecord event) {
            // The server already applied the key condition and the filter; checking again keeps a second-only time
            // at the edge of a range out of the page.
            // Time to live deletes days late, so an expired item may still be read: it is passed over like a non-match.
            if (!query.matches(event) || retention.expired(event)) {
                return false;
            }
            if (after.isPresent()) {
                int versusResume = event.key().compareTo(after.get());
                return query.order() == SortOrder.DESC ? versusResume < 0 : versusResume > 0;
            }
            return true;
        }

        boolean full() {
            return items.size() == query.limit();
        }

        /** Ends a full page knowing that a match follows it. */
        void moreRemain() {
            more = true;
        }

        /** Ends the page where reading stopped for the budget: more may remain after {@code position}. */
        void stopAt(EventKey position) {
            more = true;
            stoppedAt = position;
        }

        Page toPage() {
            if (!more) {
                return Page.last(items);
            }
            return new Page(
                    items,
                    Optional.of(
                            stoppedAt != null
                                    ? stoppedAt
                                    : items.get(items.size() - 1).key()));
        }
    }
}
