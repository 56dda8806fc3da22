package dev.eventlog.bench.calls;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.eventlog.bench.data.DenseLog;
import dev.eventlog.bench.handler.ApiRequests;
import dev.eventlog.bench.handler.QuietHandler;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.lambda.EventLogHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What each API operation costs in DynamoDB requests: the handler on dynalite, its client counted by operation
 * ({@link CallCounter}), one request at a time on tables this run creates, and on {@link DenseLog}'s table for pages
 * from the middle of a dense millisecond and of an ordinary day. The rows with an expected count are the promises:
 * a write is one {@code PutItem} on a table that never held an item without an id, a page one request per shard.
 * Arguments: the events {@link DenseLog} loaded, output TSV.
 */
public final class CallCountRun {

    private static final String[] OPERATIONS = {"PutItem", "Query", "GetItem", "Scan"};
    /** The kinds of table a row ran on. */
    private static final String FRESH = "fresh";
    private static final String OLDER_ITEMS = "held items without an id";
    private static final String WRITE_DAY = "2024-05-01";
    private static final String READ_DAY = "2024-05-02";
    private static final int READ_DAY_EVENTS = 300;

    private final CallCounter counter = new CallCounter();
    private final DynamoDbClient client = counter.client();
    private final PrintWriter out;
    private int next;

    private CallCountRun(PrintWriter out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        int denseEvents = Integer.parseInt(args[0]);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            out.println("table\toperation\texpected\t" + String.join("\t", OPERATIONS) + "\tother");
            CallCountRun run = new CallCountRun(out);
            run.writes();
            run.reads();
            run.densePages(denseEvents);
            run.tableWithOlderItems();
        }
    }

    private void writes() {
        EventLogHandler handler = handler("calls_writes", 1);
        measure(FRESH, "POST, the first of a new table (records the table's metadata)", "", () -> post(handler, derived(WRITE_DAY)));
        measure(FRESH, "POST, time given, no eventId (id derived)", "PutItem 1", () -> post(handler, derived(WRITE_DAY)));
        measure(FRESH, "POST, eventId given", "PutItem 1", () -> post(handler, withId(WRITE_DAY)));
        measure(FRESH, "POST, server-stamped", "PutItem 1", () -> post(handler, "{\"userId\":\"u-1\",\"eventType\":\"click\"}"));
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 25; i++) {
            batch.add(derived(WRITE_DAY));
        }
        measure(FRESH, "POST, a batch of 25 (ids derived)", "PutItem 25", () -> post(handler, batch.toString()));
    }

    private void reads() {
        EventLogHandler oneShard = handler("calls_reads_1", 1);
        EventLogHandler fourShards = handler("calls_reads_4", 4);
        String someEvent = null;
        for (EventLogHandler handler : List.of(oneShard, fourShards)) {
            for (int i = 0; i < READ_DAY_EVENTS; i += 25) {
                StringJoiner batch = new StringJoiner(",", "[", "]");
                for (int k = 0; k < 25; k++) {
                    batch.add(derived(READ_DAY));
                }
                post(handler, batch.toString());
            }
            someEvent = location(handler, withId(READ_DAY));
        }
        String one = someEvent;
        measure(FRESH, "GET one event", "GetItem 1", () -> get(fourShards, one, ""));
        measure(FRESH, "GET one day, limit 100, N = 1", "Query 1", () -> get(oneShard, "/events/" + READ_DAY, "limit=100"));
        measure(FRESH, "GET one day, limit 100, N = 4 (" + READ_DAY_EVENTS + " events in the day)", "",
                () -> get(fourShards, "/events/" + READ_DAY, "limit=100"));
        measure(FRESH, "GET a user's events (byUser index), limit 100", "Query 1", () -> get(oneShard, "/events", "userId=u-3&limit=100"));
        EventLogHandler newInstance = handler("calls_reads_4", 4);
        measure(FRESH, "GET one event, the first request of a new store instance (reads the table's metadata once)", "",
                () -> get(newInstance, one, ""));
    }

    private void densePages(int denseEvents) {
        EventLogHandler handler = QuietHandler.on(DynamoDbEventLog.builder().client(client).tableName(DenseLog.TABLE).build());
        APIGatewayV2HTTPEvent dense = DenseLog.middleOfMillisecond(handler, denseEvents);
        APIGatewayV2HTTPEvent ordinary = DenseLog.middleOfDay(handler, denseEvents);
        measure(FRESH, String.format("GET a dense millisecond (%,d events in it): a page of 100 from its middle", denseEvents), "Query 1",
                () -> read(handler, dense));
        measure(FRESH, String.format("GET an ordinary day (%,d events): a page of 100 from its middle", denseEvents), "Query 1",
                () -> read(handler, ordinary));
    }

    /**
     * A table that held items before this version wrote to it (one written by the original system, without an id):
     * at dates up to the day the store first wrote, a derived id may name such an item, which is looked for; after
     * it, none can be there.
     */
    private void tableWithOlderItems() {
        String table = "calls_older_items";
        DynamoDbEventLog.createTable(client, table);
        client.putItem(r -> r.tableName(table).item(Map.of("date", AttributeValue.fromS(WRITE_DAY), "time", AttributeValue.fromS("09:00:00"),
                "userId", AttributeValue.fromS("u-1"), "eventType", AttributeValue.fromS("login"))));
        EventLogHandler handler = QuietHandler.on(DynamoDbEventLog.builder().client(client).tableName(table).build());
        post(handler, derived(WRITE_DAY));
        measure(OLDER_ITEMS, "POST, time given, no eventId (id derived), at a date up to the day the store first wrote", "",
                () -> post(handler, derived(WRITE_DAY)));
        String later = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        measure(OLDER_ITEMS, "POST, time given, no eventId (id derived), at a later date", "PutItem 1",
                () -> post(handler, derived(later)));
    }

    /** A handler on a new table of {@code shards} write shards, its store's requests counted. */
    private EventLogHandler handler(String table, int shards) {
        DynamoDbEventLog.createTable(client, table);
        return QuietHandler.on(DynamoDbEventLog.builder().client(client).tableName(table).writeShards(shards).build());
    }

    /** Runs one request and writes a row of what it cost, by operation, and on which kind of table. */
    private void measure(String table, String operation, String expected, Runnable request) {
        counter.take();
        request.run();
        Map<String, Long> calls = counter.take();
        StringBuilder row = new StringBuilder(table).append('\t').append(operation).append('\t').append(expected);
        for (String name : OPERATIONS) {
            row.append('\t').append(calls.getOrDefault(name, 0L));
            calls.remove(name);
        }
        StringJoiner other = new StringJoiner(", ");
        calls.forEach((name, count) -> other.add(name + " " + count));
        out.println(row.append('\t').append(other));
    }

    /** An event with the client's time and no id, content of its own (its id derived from it). */
    private String derived(String date) {
        int n = next++;
        return String.format("{\"date\":\"%s\",\"time\":\"%s\",\"userId\":\"u-%d\",\"eventType\":\"click\",\"attributes\":{\"n\":\"%d\"}}",
                date, time(n), n % 7, n);
    }

    private String withId(String date) {
        int n = next++;
        return String.format("{\"date\":\"%s\",\"time\":\"%s\",\"eventId\":\"order-%d\",\"userId\":\"u-%d\",\"eventType\":\"purchase\"}",
                date, time(n), n, n % 7);
    }

    /** A time of its own for event n: one a second from 08:00. */
    private static String time(int n) {
        return String.format("%02d:%02d:%02d.%03d", 8 + n / 3600, n / 60 % 60, n % 60, n % 1000);
    }

    private static void post(EventLogHandler handler, String body) {
        int status = handler.handleRequest(ApiRequests.post(body), null).getStatusCode();
        if (status != 201) {
            throw new IllegalStateException("POST answered " + status + " for " + body);
        }
    }

    /** Posts one event and returns its location (the GET path of the event). */
    private static String location(EventLogHandler handler, String body) {
        var response = handler.handleRequest(ApiRequests.post(body), null);
        if (response.getStatusCode() != 201) {
            throw new IllegalStateException("POST answered " + response.getStatusCode() + " for " + body);
        }
        return response.getHeaders().get("Location");
    }

    private static void get(EventLogHandler handler, String path, String query) {
        read(handler, ApiRequests.get(path, query));
    }

    private static void read(EventLogHandler handler, APIGatewayV2HTTPEvent request) {
        int status = handler.handleRequest(request, null).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("GET " + request.getRawPath() + " answered " + status);
        }
    }
}
