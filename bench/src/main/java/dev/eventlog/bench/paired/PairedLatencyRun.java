package dev.eventlog.bench.paired;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.bench.dynalite.DynaliteStores;
import dev.eventlog.bench.dynalite.RawRequests;
import dev.eventlog.bench.handler.ApiRequests;
import dev.eventlog.bench.handler.QuietHandler;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.lambda.EventLogHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The handler against the raw SDK call under it, alternating call by call in one JVM on the same dynalite: A, B,
 * A, B... so that drift in the shared machine or in the emulator hits both alike. JMH runs benchmarks one after
 * another in separate JVMs, where that drift can be larger than the difference measured; this is the ratio the
 * target is judged on. For GET one day the store's query alone (no handler, no JSON) is paired with the raw call
 * too, which splits what the handler adds from what the store adds. Arguments: warm-up pairs, measured pairs,
 * output TSV.
 */
public final class PairedLatencyRun {

    private final DynamoDbClient client = DynaliteStores.client();
    private final DynamoDbEventLog store = DynaliteStores.store(client, DynaliteStores.WARM_TABLE);
    private final EventLogHandler handler = QuietHandler.on(store);
    private final EventQuery day = new EventQuery(new QueryScope.Day(SampleLog.FIRST_DAY), null, null, SortOrder.ASC, 100);
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
            run.pair(out, "storeDay100", warmup, measured, i -> run.store.query(run.day, Optional.empty()), i -> run.client.query(run.query));
        }
    }

    private void pair(PrintWriter out, String route, int warmup, int measured, IntConsumer a, IntConsumer b) {
        out.println(route + "\t" + Alternation.run(warmup, measured, a, b).columns());
    }

    private void postOne(int n) {
        int status = handler.handleRequest(ApiRequests.post(SampleLog.stampedJson(n)), null).getStatusCode();
        if (status != 201) {
            throw new IllegalStateException("POST answered " + status);
        }
    }

    /** The conditional write the store issues for a new event, at a fresh key far from the handler's. */
    private void putItem(int n) {
        client.putItem(RawRequests.warmPut(EventTime.at(Instant.ofEpochMilli(4_133_980_800_000L + n)).withId("raw-" + n), n));
    }
}
