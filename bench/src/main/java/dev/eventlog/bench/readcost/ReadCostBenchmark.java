package dev.eventlog.bench.readcost;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.bench.dynalite.DynaliteStores;
import dev.eventlog.bench.handler.ApiRequests;
import dev.eventlog.bench.handler.QuietHandler;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.inmemory.InMemoryEventLog;
import dev.eventlog.lambda.EventLogHandler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a read costs as the log grows: GET one day (limit 100) and GET all (first page) through the handler, on
 * logs of {@code size} events. The dynalite tables are loaded beforehand by {@code DynaliteLoader}; the in-memory
 * log is built here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReadCostBenchmark {

    @Param({"memory", "dynalite"})
    public String store;

    @Param({"1000", "100000"})
    public int size;

    private EventLogHandler handler;
    private APIGatewayV2HTTPEvent getDay;
    private APIGatewayV2HTTPEvent getAll;

    @Setup
    public void setUp() {
        EventLogPort port;
        if (store.equals("memory")) {
            InMemoryEventLog events = new InMemoryEventLog();
            for (int i = 0; i < size; i++) {
                events.append(SampleLog.event(i));
            }
            port = events;
        } else {
            port = DynaliteStores.store(DynaliteStores.client(), DynaliteStores.sizedTable(size));
        }
        handler = QuietHandler.on(port);
        // The newest day: in a log that grows by days, the one clients read most.
        getDay = ApiRequests.get("/events", "date=" + SampleLog.lastDay(size) + "&limit=100");
        getAll = ApiRequests.get("/events", "");
    }

    @Benchmark
    public APIGatewayV2HTTPResponse getDay100() {
        return checkedPage(handler.handleRequest(getDay, null));
    }

    @Benchmark
    public APIGatewayV2HTTPResponse getAllFirstPage() {
        return checkedPage(handler.handleRequest(getAll, null));
    }

    private static APIGatewayV2HTTPResponse checkedPage(APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() != 200 || !response.getBody().contains("\"Count\":100")) {
            throw new IllegalStateException("expected a full page of 100 events, got " + response.getStatusCode() + ": "
                    + response.getBody().substring(0, Math.min(300, response.getBody().length())));
        }
        return response;
    }
}
