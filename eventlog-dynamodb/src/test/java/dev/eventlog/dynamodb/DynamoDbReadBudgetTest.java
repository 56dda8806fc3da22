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
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Every page keeps within its read budget, and pages followed to the end still return each match once: on 100,000
 * events with rare matches, through a scan, a range of days and the user index. The budget is made small here
 * (what 4 MB is to a large table, 256 KB is to this one) so the test stays short; the counts, not the time, are
 * asserted.
 */
class DynamoDbReadBudgetTest {

    private static final String TABLE = "events-budget";
    private static final int EVENTS = 100_000;
    private static final int DAYS = 50;
    private static final long BUDGET = 256 * 1024;
    /**
     * DynamoDB counts each response in whole 4 KB capacity units, and up to {@link StoreThreads#THREADS} responses of
     * a page may be in flight side by side: each may round up by almost a unit, and its items may run one past the mean.
     */
    private static final long SLACK = StoreThreads.THREADS * (4096L + 256);

    private static final LocalDate FIRST_DAY = LocalDate.of(2031, 3, 1);
    private static final String INDEXED_USER = "user-3";

    private static DynaliteServer server;
    private static DynamoDbClient countingClient;
    private static final AtomicLong BYTES_READ = new AtomicLong();
    private static final List<EventRecord> RARE = new ArrayList<>();

    @BeforeAll
    static void fillTable() throws Exception {
        server = DynaliteServer.start();
        countingClient = server.clientWith(new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                ConsumedCapacity consumed = context.response() instanceof ScanResponse scan
                        ? scan.consumedCapacity()
                        : context.response() instanceof QueryResponse query ? query.consumedCapacity() : null;
                if (consumed != null && consumed.capacityUnits() != null) {
                    boolean index = context.response() instanceof QueryResponse
                            && context.request().toString().contains(UserIndex.NAME);
                    BYTES_READ.addAndGet((long) Math.ceil(consumed.capacityUnits() * (index ? 8192 : 4096)));
                }
            }
        });
        DynamoDbEventLog.createTable(countingClient, TABLE);
        ShardLayout layout = new ShardLayout(1);
        List<Map<String, AttributeValue>> items = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            LocalDate day = FIRST_DAY.plusDays(i % DAYS);
            EventTime at = new EventTime(
                    day, LocalTime.ofSecondOfDay(i / DAYS % 86_400).plusNanos((i % 1000) * 1_000_000L));
            boolean rare = i % 997 == 3;
            EventRecord event = new EventRecord(at.withId("e" + i), "user-" + (i % 10), rare ? "rare" : "common");
            if (rare) {
                RARE.add(event);
            }
            Map<String, AttributeValue> item = new java.util.HashMap<>(EventItem.of(event, layout));
            if (!event.userId().equals(INDEXED_USER)) {
                // Only the user the index test reads needs index entries; leaving the others out (as items written
                // before the index are) spares the emulator nine tenths of the index writes, the bulk of set-up.
                item.remove(EventItem.AT);
            }
            items.add(item);
        }
        // Written straight through the raw client (no call timeout: a busy machine slows the emulator), 25 to a
        // request and four requests at a time, to keep set-up short.
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            int slice = 2_500;
            for (int from = 0; from < EVENTS; from += slice) {
                List<Map<String, AttributeValue>> part = items.subList(from, Math.min(EVENTS, from + slice));
                writes.add(writers.submit(() -> TableItems.write(countingClient, TABLE, part)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    @AfterAll
    static void stopServer() {
        countingClient.close();
        server.close();
    }

    private static DynamoDbEventLog store() {
        return DynamoDbEventLog.builder()
                .client(countingClient)
                .tableName(TABLE)
                .readBudget(BUDGET, Duration.ofMinutes(5))
                .build();
    }

    /** Follows the query's pages to the end, checking each page's bytes read; returns the events and the page count. */
    private static List<EventRecord> readAllWithinBudget(DynamoDbEventLog store, EventQuery query, int[] pages) {
        List<EventRecord> all = new ArrayList<>();
        Optional<EventKey> after = Optional.empty();
        while (true) {
            BYTES_READ.set(0);
            Page page = store.query(query, after);
            pages[0]++;
            long read = BYTES_READ.get();
            assertTrue(read <= BUDGET + SLACK, "page " + pages[0] + " read " + read + " bytes, budget " + BUDGET);
            all.addAll(page.items());
            if (!page.hasMore()) {
                return all;
            }
            assertTrue(after.isEmpty() || !after.equals(page.resumeAfter()), "a page must make progress");
            after = page.resumeAfter();
        }
    }

    @Test
    void rareMatchScan_staysWithinTheBudgetOnEveryPage_andReturnsEachMatchOnce() {
        int[] pages = {0};
        List<EventRecord> found = readAllWithinBudget(
                store(), EventQuery.of(new QueryScope.AllEvents()).withEventType("rare"), pages);

        assertEquals(Set.copyOf(RARE), Set.copyOf(found));
        assertEquals(RARE.size(), found.size(), "each match once");
        assertTrue(pages[0] > 10, "the budget, not the data, ended most pages: " + pages[0]);
    }

    @Test
    void rareMatchRangeOfDays_inBothOrders_staysWithinTheBudget_andReturnsEachMatchOnceInOrder() {
        QueryScope range = new QueryScope.Range(
                new EventTime(FIRST_DAY, LocalTime.MIDNIGHT),
                new EventTime(FIRST_DAY.plusDays(DAYS), LocalTime.MIDNIGHT));
        List<EventRecord> ascending =
                RARE.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
        List<EventRecord> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);

        int[] pages = {0};
        assertEquals(
                ascending, readAllWithinBudget(store(), EventQuery.of(range).withEventType("rare"), pages));
        assertTrue(pages[0] > 10, "pages: " + pages[0]);
        assertEquals(
                descending,
                readAllWithinBudget(
                        store(), EventQuery.of(range).withEventType("rare").withOrder(SortOrder.DESC), new int[] {0}));
    }

    @Test
    void rareMatchesOfOneUser_fromTheIndex_stayWithinTheBudget_andComeOnceInOrder() {
        List<EventRecord> expected = RARE.stream()
                .filter(e -> e.userId().equals(INDEXED_USER))
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .toList();

        int[] pages = {0};
        List<EventRecord> found = readAllWithinBudget(
                store(),
                EventQuery.of(new QueryScope.AllEvents())
                        .withUserId(INDEXED_USER)
                        .withEventType("rare"),
                pages);

        assertEquals(expected, found);
        assertTrue(pages[0] > 1, "pages: " + pages[0]);
    }

    @Test
    void readingTime_endsThePageEarly_andTheNextPagesContinueExactly() {
        // Each look at the clock moves it on by a second, so a page's 2 s are spent after its first request.
        AtomicLong nanos = new AtomicLong();
        DynamoDbEventLog store = DynamoDbEventLog.builder()
                .client(countingClient)
                .tableName(TABLE)
                .nanoClock(() -> nanos.addAndGet(Duration.ofSeconds(1).toNanos()))
                .build();
        QueryScope day = new QueryScope.Day(FIRST_DAY.plusDays(7));
        List<EventRecord> expected = RARE.stream()
                .filter(e -> e.key().date().equals(FIRST_DAY.plusDays(7)))
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .toList();

        List<EventRecord> found = new ArrayList<>();
        Set<Optional<EventKey>> resumes = new HashSet<>();
        Optional<EventKey> after = Optional.empty();
        int shortPages = 0;
        EventQuery query = EventQuery.of(day).withEventType("rare").withLimit(2);
        do {
            Page page = store.query(query, after);
            found.addAll(page.items());
            shortPages += page.hasMore() && page.items().size() < 2 ? 1 : 0;
            after = page.resumeAfter();
            assertTrue(after.isEmpty() || resumes.add(after), "each page resumes further on");
        } while (after.isPresent());

        assertEquals(expected, found);
        assertTrue(shortPages > 0, "some pages ended for the time, with fewer events than the limit");
    }
}
