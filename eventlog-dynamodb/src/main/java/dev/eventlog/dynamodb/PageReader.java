package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads one page of a query: a {@code Query} per day partition, walked in order, or a {@code Scan} for all
 * events. It keeps reading until it has the page plus one more matching event (then more remain) or the data
 * ends, because DynamoDB applies {@code Limit} before the filter and a 1 MB cap on every response.
 */
final class PageReader {

    /** Upper bound on the items one filtered request asks DynamoDB to evaluate; its 1 MB cap usually binds first. */
    private static final int MAX_EVALUATED_PER_REQUEST = 10_000;

    private final DynamoDbClient client;
    private final String tableName;

    PageReader(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    Page read(EventQuery query, Optional<EventKey> after) {
        Collector page = new Collector(query);
        if (query.scope() instanceof QueryScope.AllEvents) {
            scan(query, after, page);
        } else {
            for (DayPartition day : DayPartition.walk(query, after)) {
                if (queryDay(query, day, page)) {
                    break;
                }
            }
        }
        return page.toPage();
    }

    /** Reads one day partition into the page; true once the page is full and another match was seen. */
    private boolean queryDay(EventQuery query, DayPartition day, Collector page) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#d", EventItem.DATE);
        values.put(":d", AttributeValue.fromS(day.dateText()));
        StringBuilder condition = new StringBuilder("#d = :d");
        if (day.lowestTime() != null || day.highestTime() != null) {
            names.put("#t", EventItem.TIME);
            if (day.lowestTime() != null && day.highestTime() != null) {
                condition.append(" AND #t BETWEEN :lo AND :hi");
            } else {
                condition.append(day.lowestTime() != null ? " AND #t >= :lo" : " AND #t <= :hi");
            }
            if (day.lowestTime() != null) {
                values.put(":lo", AttributeValue.fromS(day.lowestTime()));
            }
            if (day.highestTime() != null) {
                values.put(":hi", AttributeValue.fromS(day.highestTime()));
            }
        }
        String filter = filter(query, names, values);
        return readAll(day.startAfter(), page, filter != null, (startKey, limit) -> {
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
            return new Batch(response.items(), response.lastEvaluatedKey());
        });
    }

    private void scan(EventQuery query, Optional<EventKey> after, Collector page) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String filter = filter(query, names, values);
        readAll(after.map(EventItem::key).orElse(null), page, filter != null, (startKey, limit) -> {
            ScanRequest request = ScanRequest.builder()
                    .tableName(tableName)
                    .filterExpression(filter)
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values.isEmpty() ? null : values)
                    .consistentRead(true)
                    .limit(limit)
                    .exclusiveStartKey(startKey)
                    .build();
            ScanResponse response = client.scan(request);
            return new Batch(response.items(), response.lastEvaluatedKey());
        });
    }

    /**
     * Follows {@code LastEvaluatedKey} from {@code startKey} until the page is done or the items end. Without a
     * filter each request asks for exactly what the page still needs plus one; with a filter the request size
     * grows, so a rare match costs few round trips and a common one reads little more than needed.
     */
    private static boolean readAll(Map<String, AttributeValue> startKey, Collector page, boolean filtered, Reader reader) {
        Map<String, AttributeValue> next = startKey;
        int evaluate = page.wanted();
        do {
            Batch batch = reader.read(next, evaluate);
            for (Map<String, AttributeValue> item : batch.items()) {
                if (page.offer(item)) {
                    return true;
                }
            }
            next = batch.lastEvaluatedKey();
            evaluate = filtered ? Math.min(MAX_EVALUATED_PER_REQUEST, Math.max(page.wanted(), evaluate * 4)) : page.wanted();
        } while (next != null);
        return false;
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

    /** One request's items and where the next request would start, or null at the end. */
    private record Batch(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastEvaluatedKey) {
        Batch {
            // The SDK returns an empty, not a null, map when DynamoDB sent no LastEvaluatedKey.
            lastEvaluatedKey = lastEvaluatedKey == null || lastEvaluatedKey.isEmpty() ? null : lastEvaluatedKey;
        }
    }

    @FunctionalInterface
    private interface Reader {
        Batch read(Map<String, AttributeValue> startKey, int limit);
    }

    /** The page being filled: it holds up to {@code limit} matches and notices the first match beyond them. */
    private static final class Collector {
        private final EventQuery query;
        private final List<EventRecord> items = new ArrayList<>();
        private boolean more;

        Collector(EventQuery query) {
            this.query = query;
        }

        /** How many more matching items would settle this page: the rest of it plus one to know if more remain. */
        int wanted() {
            return query.limit() - items.size() + 1;
        }

        /** Takes a stored item; true when it is a match beyond a full page. */
        boolean offer(Map<String, AttributeValue> item) {
            // The server already applied the key condition and the filter; checking again keeps items that are not
            // valid events, or a second-only time at the edge of a range, out of the page.
            Optional<EventRecord> event = EventItem.read(item).filter(query::matches);
            if (event.isEmpty()) {
                return false;
            }
            if (items.size() == query.limit()) {
                more = true;
                return true;
            }
            items.add(event.get());
            return false;
        }

        Page toPage() {
            return new Page(items, more ? Optional.of(items.get(items.size() - 1).key()) : Optional.empty());
        }
    }
}
