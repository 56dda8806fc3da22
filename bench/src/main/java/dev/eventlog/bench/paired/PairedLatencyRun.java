package dev.eventlog.bench.paired;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.bench.dynalite.DynaliteStores;
import dev.eventlog.bench.dynalite.RawRequests;
import dev.eventlog.bench.handler.ApiRequests;
import dev.eventlog.bench.handler.QuietHandler;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.lambda.EventLogHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The handler against the raw SDK call under it, alternating call by call in one JVM on the same dynalite: A, B,
 * A, B... so that drift in the shared machine or in the emulator hits both alike. JMH runs benchmarks one after
 * another in separate JVMs, where that drift can be larger than the difference measured; this is the ratio the
 * target is judged on. Arguments: warm-up pairs, measured pairs, output TSV.
 */
public final class PairedLatencyRun {

    private final DynamoDbClient client = DynaliteStores.client();
    private final EventLogHandler handler = QuietHandler.on(DynaliteStores.store(client, DynaliteStores.WARM_TABLE));
    private final EventKey key = SampleLog.key(DynaliteStores.WARM_EVENTS / 2);
    private final APIGatewayV2HTTPEvent getDay = ApiRequests.get("/events", "date=" + SampleLog.FIRST_DAY + "&limit=100");
    private final APIGatewayV2HTTPEvent getByKey = ApiRequests.get(SampleLog.path(key), "");
    private final QueryRequest query = RawRequests.warmDayQuery();
    private final GetItemRequest get = RawRequests.warmGet(key);

    private PairedLatencyRun() {
    }

    public static void main(String[] args) throws IOException {
        int warmup = Integer.parseInt(args[0]);
        int measured = Integer.parseInt(args[1]);
        PairedLatencyRun run = new PairedLatencyRun();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
            out.println("route\thandler_p50_us\thandler_p99_us\traw_p50_us\traw_p99_us\tpairs");
            run.pair(out, "postOne", warmup, measured, run::postOne, run::putItem);
            run.pair(out, "getDay100", warmup, measured, i -> run.handler.handleRequest(run.getDay, null), i -> run.client.query(run.query));
            run.pair(out, "getByKey", warmup, measured, i -> run.handler.handleRequest(run.getByKey, null), i -> run.client.getItem(run.get));
        }
    }

    private void pair(PrintWriter out, String route, int warmup, int measured, IntConsumer a, IntConsumer b) {
        long[] handlerNanos = new long[measured];
        long[] rawNanos = new long[measured];
        for (int i = 0; i < warmup + measured; i++) {
            // Which of the two goes first alternates too, so neither always follows the other.
            long handlerTime;
            long rawTime;
            if (i % 2 == 0) {
                handlerTime = timed(a, i);
                rawTime = timed(b, i);
            } else {
                rawTime = timed(b, i);
                handlerTime = timed(a, i);
            }
            if (i >= warmup) {
                handlerNanos[i - warmup] = handlerTime;
                rawNanos[i - warmup] = rawTime;
            }
        }
        out.printf("%s\t%.1f\t%.1f\t%.1f\t%.1f\t%d%n", route, percentile(handlerNanos, 50), percentile(handlerNanos, 99),
                percentile(rawNanos, 50), percentile(rawNanos, 99), measured);
    }

    private static long timed(IntConsumer call, int n) {
        long started = System.nanoTime();
        call.accept(n);
        return System.nanoTime() - started;
    }

    private void postOne(int n) {
        int status = handler.handleRequest(ApiRequests.post(SampleLog.stampedJson(n)), null).getStatusCode();
        if (status != 201) {
            throw new IllegalStateException("POST answered " + status);
        }
    }

    /** The conditional write the store issues for a new event, at a fresh key far from the handler's. */
    private void putItem(int n) {
        EventKey fresh = EventTime.at(Instant.ofEpochMilli(4_133_980_800_000L + n)).withId("raw-" + n);
        client.putItem(PutItemRequest.builder()
                .tableName(DynaliteStores.WARM_TABLE)
                .item(Map.of(
                        "date", AttributeValue.fromS(fresh.dateText()),
                        "time", AttributeValue.fromS(SampleLog.rangeKey(fresh)),
                        "eventId", AttributeValue.fromS(fresh.eventId()),
                        "userId", AttributeValue.fromS(SampleLog.userId(n)),
                        "eventType", AttributeValue.fromS(SampleLog.eventType(n)),
                        "attributes", AttributeValue.fromM(Map.of("source", AttributeValue.fromS("bench")))))
                .conditionExpression("attribute_not_exists(#d)")
                .expressionAttributeNames(Map.of("#d", "date"))
                .build());
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
