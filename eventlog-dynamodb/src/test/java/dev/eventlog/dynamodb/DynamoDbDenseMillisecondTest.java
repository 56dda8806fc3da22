package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static dev.eventlog.core.port.TestEvents.uniqueUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A millisecond that holds thousands of events costs a page what the page takes from it: the requests and the items
 * DynamoDB evaluates for one page are bounded by the page's size and the number of shards, not by the millisecond's
 * size, on the first page and on a page that resumes in the middle, in both orders, also where items written without
 * an id share the millisecond.
 */
class DynamoDbDenseMillisecondTest {

    private static final int EVENTS = 3_000;

    private static DynaliteServer server;
    private static DynamoDbClient counting;
    private static final AtomicInteger QUERIES = new AtomicInteger();
    private static final AtomicInteger EVALUATED = new AtomicInteger();
    private static final Map<String, Dense> TABLES = new java.util.HashMap<>();

    /** A table with one dense millisecond, its store, and its events in key order. */
    private record Dense(DynamoDbEventLog store, EventTime busy, List<EventRecord> ascending) {}

    @BeforeAll
    static void fill() {
        server = DynaliteServer.start();
        counting = server.clientWith(new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (context.response() instanceof QueryResponse response) {
                    QUERIES.incrementAndGet();
                    EVALUATED.addAndGet(response.scannedCount());
                }
            }
        });
        for (int shards : List.of(1, 4)) {
            TABLES.put("fresh-" + shards, dense("dense-" + shards, shards, uniqueDay(), false));
        }
        TABLES.put("original-1", dense("dense-original", 1, TableItems.uniquePastDay(), true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Dense dense(String table, int shards, LocalDate day, boolean withOriginalItems) {
        DynamoDbEventLog.createTable(server.client(), table);
        EventTime busy = key(day, "12:00:00.000");
        List<EventRecord> events = new ArrayList<>();
        if (withOriginalItems) {
            // The original system's two forms of this millisecond, written before the store first wrote the table.
            TableItems.write(
                    server.client(),
                    table,
                    List.of(
                            TableItems.original(day.toString(), "12:00:00", "old-a", "legacy"),
                            TableItems.original(day.toString(), "12:00:00.000", "old-b", "legacy")));
            events.add(event(busy, "old-a", "legacy"));
            events.add(event(busy, "old-b", "legacy"));
        }
        DynamoDbEventLog store = DynamoDbEventLog.builder()
                .client(counting)
                .tableName(table)
                .writeShards(shards)
                .build();
        for (int i = 0; i < EVENTS; i++) {
            events.add(
                    i % 2 == 0
                            ? event(busy, uniqueUser(), "dense")
                            : event(busy.withId(String.format("id-%05d", i)), uniqueUser(), "dense"));
        }
        List<EventRecord> written = events.subList(withOriginalItems ? 2 : 0, events.size());
        for (int i = 0; i < written.size(); i += 25) {
            store.appendAll(written.subList(i, Math.min(written.size(), i + 25)));
        }
        events.sort(Comparator.comparing(EventRecord::key));
        return new Dense(store, busy, events);
    }

    @ParameterizedTest(name = "{0} table, pages of {1}, {2}")
    @CsvSource({
        "fresh-1, 1, ASC", "fresh-1, 7, DESC", "fresh-1, 100, ASC", "fresh-1, 100, DESC",
        "fresh-4, 1, DESC", "fresh-4, 7, ASC", "fresh-4, 100, ASC", "fresh-4, 100, DESC",
        "original-1, 1, ASC", "original-1, 1, DESC", "original-1, 100, ASC", "original-1, 100, DESC",
    })
    void aPageOfADenseMillisecond_costsWhatThePageTakes(String table, int limit, SortOrder order) {
        Dense dense = TABLES.get(table);
        int shards = dense.store().writeShards();
        List<EventRecord> expected = new ArrayList<>(dense.ascending());
        if (order == SortOrder.DESC) {
            java.util.Collections.reverse(expected);
        }
        EventQuery millisecond = EventQuery.of(
                        new QueryScope.Range(dense.busy(), dense.busy().nextMillisecond()))
                .withOrder(order)
                .withLimit(limit);
        EventQuery day = EventQuery.of(new QueryScope.Day(dense.busy().date()))
                .withOrder(order)
                .withLimit(limit);
        // The first page, and pages that resume a third of the way in and just before the end.
        for (int start : List.of(0, EVENTS / 3, expected.size() - limit - 1)) {
            Optional<EventKey> after = start == 0
                    ? Optional.empty()
                    : Optional.of(expected.get(start - 1).key());
            for (EventQuery query : List.of(millisecond, day)) {
                QUERIES.set(0);
                EVALUATED.set(0);
                Page page = dense.store().query(query, after);

                assertEquals(expected.subList(start, start + limit), page.items(), "the page's events");
                assertTrue(page.hasMore(), "more remain after the page");
                String costs = table + " from " + start + ": " + QUERIES.get() + " queries, " + EVALUATED.get()
                        + " items evaluated for a page of " + limit;
                assertTrue(QUERIES.get() <= 3 * shards + 1, costs);
                assertTrue(EVALUATED.get() <= 2 * limit + 8 * shards, costs);
            }
        }
    }
}
