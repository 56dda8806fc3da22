package dev.eventlog.bench.data;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.bench.dynalite.DynaliteStores;
import dev.eventlog.bench.handler.ApiRequests;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.lambda.EventLogHandler;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The table for dense-millisecond reads: one millisecond that holds {@code size} events (as an import of
 * second-resolution times or a server-stamped batch makes), and an ordinary day of as many events spread over the
 * day, both written by the store (one write shard) into a table it created, so the table records that it never held
 * an item without an id. Readers take a page of 100 from the middle of each. Argument: the size (300 or more, so
 * that a page past the middle is whole).
 */
public final class DenseLog {

    public static final String TABLE = "bench_dense";
    public static final int PAGE = 100;
    private static final EventTime DENSE = new EventTime(LocalDate.of(2024, 3, 1), LocalTime.NOON);
    private static final LocalDate ORDINARY_DAY = LocalDate.of(2024, 3, 2);
    private static final int BATCH = 25;

    private DenseLog() {
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        long started = System.nanoTime();
        DynamoDbClient client = DynaliteStores.loadingClient();
        DynamoDbEventLog.createTable(client, TABLE);
        DynamoDbEventLog store = DynaliteStores.store(client, TABLE);
        List<EventRecord> batch = new ArrayList<>(BATCH);
        for (int n = 0; n < 2 * size; n++) {
            batch.add(n < size ? denseEvent(n) : ordinaryEvent(n - size, size));
            if (batch.size() == BATCH || n == 2 * size - 1) {
                store.appendAll(batch);
                batch.clear();
            }
        }
        System.out.printf("loaded %s with %d events in one millisecond and %d in one day in %.1f s%n", TABLE, size, size,
                (System.nanoTime() - started) / 1e9);
    }

    /** The request for the page of 100 that starts in the middle of the dense millisecond. */
    public static APIGatewayV2HTTPEvent middleOfMillisecond(EventLogHandler handler, int size) {
        return middlePage(handler, "/events/" + DENSE.dateText() + "/" + DENSE.timeText(), size);
    }

    /** The request for the page of 100 that starts in the middle of the ordinary day. */
    public static APIGatewayV2HTTPEvent middleOfDay(EventLogHandler handler, int size) {
        return middlePage(handler, "/events/" + ORDINARY_DAY, size);
    }

    /** Event n of the dense millisecond: ids in order of n, so a page's position is known. */
    private static EventRecord denseEvent(int n) {
        return new EventRecord(DENSE.withId(String.format("d%06d", n)), SampleLog.userId(n), SampleLog.eventType(n),
                Map.of("source", "bench", "seq", Integer.toString(n)));
    }

    private static EventRecord ordinaryEvent(int n, int size) {
        long millis = (long) n * (86_400_000L / size);
        EventTime time = new EventTime(ORDINARY_DAY, LocalTime.MIDNIGHT.plusNanos(millis * 1_000_000L));
        return new EventRecord(time.withId(String.format("o%06d", n)), SampleLog.userId(n), SampleLog.eventType(n),
                Map.of("source", "bench", "seq", Integer.toString(n)));
    }

    /** Follows pages of 100 from the first, as a client does, to the one that starts halfway through. */
    private static APIGatewayV2HTTPEvent middlePage(EventLogHandler handler, String path, int size) {
        String query = "limit=" + PAGE;
        for (int page = 0; page < Math.max(1, size / (2 * PAGE)); page++) {
            query = "limit=" + PAGE + "&nextToken=" + fullPage(handler, path, query).get("NextToken").getAsString();
        }
        fullPage(handler, path, query);
        return ApiRequests.get(path, query);
    }

    /** The page's body, checked to hold a whole page with more to follow. */
    private static JsonObject fullPage(EventLogHandler handler, String path, String query) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiRequests.get(path, query), null);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("GET " + path + "?" + query + " answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        JsonObject body = JsonParser.parseString(response.getBody()).getAsJsonObject();
        if (!body.has("NextToken") || body.getAsJsonArray("Items").size() != PAGE) {
            throw new IllegalStateException("GET " + path + " ended before a page past its middle: is it loaded with "
                    + "the size given?");
        }
        return body;
    }
}
