package dev.eventlog.bench.paired;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.bench.dynalite.DynaliteStores;
import dev.eventlog.bench.handler.ApiRequests;
import dev.eventlog.bench.handler.QuietHandler;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.inmemory.InMemoryEventLog;
import dev.eventlog.lambda.EventLogHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Read cost against log size with the two sizes side by side: one handler on the small log and one on the large
 * log, called alternately (which goes first alternates too) in one JVM, for GET one day (limit 100) and GET all
 * (first page), on the in-memory store and on dynalite. Arguments: small size, large size, warm-up pairs,
 * measured pairs for memory, measured pairs for dynalite, output TSV.
 */
public final class PairedReadCostRun {

    private PairedReadCostRun() {
    }

    public static void main(String[] args) throws IOException {
        int small = Integer.parseInt(args[0]);
        int large = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        DynamoDbClient client = DynaliteStores.client();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[5])))) {
            out.println("store\tread\tsmall_p50_us\tsmall_p99_us\tlarge_p50_us\tlarge_p99_us\tpairs");
            for (String store : new String[] {"memory", "dynalite"}) {
                int measured = Integer.parseInt(store.equals("memory") ? args[3] : args[4]);
                EventLogHandler smallLog = QuietHandler.on(port(store, small, client));
                EventLogHandler largeLog = QuietHandler.on(port(store, large, client));
                for (String read : new String[] {"getDay100", "getAllFirstPage"}) {
                    APIGatewayV2HTTPEvent smallRequest = request(read, small);
                    APIGatewayV2HTTPEvent largeRequest = request(read, large);
                    Alternation.Times times = Alternation.run(warmup, measured, n -> timed(smallLog, smallRequest),
                            n -> timed(largeLog, largeRequest));
                    out.println(store + "\t" + read + "\t" + times.columns());
                }
            }
        }
    }

    private static EventLogPort port(String store, int size, DynamoDbClient client) {
        if (store.equals("dynalite")) {
            return DynaliteStores.store(client, DynaliteStores.sizedTable(size));
        }
        InMemoryEventLog events = new InMemoryEventLog();
        for (int i = 0; i < size; i++) {
            events.append(SampleLog.event(i));
        }
        return events;
    }

    private static APIGatewayV2HTTPEvent request(String read, int size) {
        // The newest day: in a log that grows by days, the one clients read most.
        return read.equals("getDay100")
                ? ApiRequests.get("/events", "date=" + SampleLog.lastDay(size) + "&limit=100")
                : ApiRequests.get("/events", "");
    }

    private static void timed(EventLogHandler handler, APIGatewayV2HTTPEvent request) {
        int status = handler.handleRequest(request, null).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("a read answered " + status);
        }
    }
}
