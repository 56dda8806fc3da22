package dev.eventlog.dynamodb;

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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
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
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A full page of one day on one write shard costs one {@code Query}: the page asks for one event more than it shows,
 * and that event settles whether more remain, even when the store holds it back because its millisecond might
 * continue in the next request. Paging on from the token still returns every event once, in order, on one shard or
 * several.
 */
class DynamoDbDayPageRequestsTest {

    private static final LocalDate DAY = LocalDate.of(2030, 5, 6);
    private static final int EVENTS = 150;

    private static DynaliteServer dynalite;
    private static DynamoDbClient client;
    private static final AtomicInteger QUERIES = new AtomicInteger();

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.start();
        client = dynalite.clientWith(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof QueryRequest) {
                    QUERIES.incrementAndGet();
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        client.close();
        dynalite.stop();
    }

    /**
     * 150 events, one per second, except that the 101st and 102nd of the day, in either order, share a millisecond:
     * the event just beyond a full page is then held back (its millisecond continues past the first request), in
     * both orders.
     */
    private static List<EventRecord> fill(DynamoDbEventLog store) {
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            int second = i == 101 ? 100 : i == 48 ? 49 : i;
            EventTime at = new EventTime(DAY, LocalTime.ofSecondOfDay(8 * 3600 + second));
            EventRecord event = new EventRecord(at.withId(String.format("e%03d", i)), "user-" + i % 3, "seen");
            store.append(event);
            events.add(event);
        }
        events.sort(Comparator.comparing(EventRecord::key));
        return events;
    }

    @ParameterizedTest(name = "{0} write shards, {1}")
    @CsvSource({"1, ASC", "1, DESC", "4, ASC", "4, DESC"})
    void aFullPage_costsOneQueryAShard_andPagingOnReturnsEveryEventOnce(int shards, SortOrder order) {
        String table = "day-page-" + shards + "-" + order.name().toLowerCase();
        DynamoDbEventLog.createTable(client, table);
        DynamoDbEventLog store = DynamoDbEventLog.builder()
                .client(client)
                .tableName(table)
                .writeShards(shards)
                .build();
        List<EventRecord> expected = fill(store);
        if (order == SortOrder.DESC) {
            Collections.reverse(expected);
        }
        EventQuery query = new EventQuery(new QueryScope.Day(DAY), null, null, order, 100);

        QUERIES.set(0);
        Page first = store.query(query, Optional.empty());
        int firstPageQueries = QUERIES.get();

        assertEquals(expected.subList(0, 100), first.items());
        assertTrue(first.resumeAfter().isPresent(), "more remain after a full page");
        if (shards == 1) {
            assertEquals(1, firstPageQueries, "one Query for the first page");
        } else {
            // Each of N shards is asked for its share of the page plus a margin, and one that runs short asks again:
            // a trade of round trips for items read that the count cannot pin down.
            assertTrue(firstPageQueries >= shards, "every shard is read: " + firstPageQueries);
        }

        Page second = store.query(query, first.resumeAfter());
        assertEquals(expected.subList(100, EVENTS), second.items());
        assertEquals(Optional.<EventKey>empty(), second.resumeAfter());
    }
}
