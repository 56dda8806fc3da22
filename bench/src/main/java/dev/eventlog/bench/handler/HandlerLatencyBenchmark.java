package dev.eventlog.bench.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.bench.dynalite.DynaliteStores;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.inmemory.InMemoryEventLog;
import dev.eventlog.lambda.EventLogHandler;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One invocation of the Lambda handler, payload 2.0 event in and response out, on the in-memory store and on
 * DynamoDB (dynalite on loopback). Every POST is a real create: server-stamped, or ({@code postOneTimed}) with a
 * time the client gives, whose id is derived from the content.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandlerLatencyBenchmark {

    @Param({"memory", "dynalite"})
    public String store;

    private EventLogHandler handler;
    private DynamoDbClient client;
    private APIGatewayV2HTTPEvent getDay;
    private APIGatewayV2HTTPEvent getByKey;
    private int next;
    /** Tags this trial's timed events: rounds run on one dynalite table. */
    private final String run = UUID.randomUUID().toString();

    @Setup(Level.Trial)
    public void setUpTrial() {
        EventKey key = SampleLog.key(DynaliteStores.WARM_EVENTS / 2);
        getDay = ApiRequests.get("/events", "date=" + SampleLog.FIRST_DAY + "&limit=100");
        getByKey = ApiRequests.get(SampleLog.path(key), "");
        if (store.equals("dynalite")) {
            client = DynaliteStores.client();
            handler = QuietHandler.on(DynaliteStores.store(client, DynaliteStores.WARM_TABLE));
        }
    }

    /** The in-memory store starts afresh each iteration: millions of stamped writes would otherwise pile up. */
    @Setup(Level.Iteration)
    public void setUpIteration() {
        if (store.equals("memory")) {
            InMemoryEventLog events = new InMemoryEventLog();
            for (int i = 0; i < DynaliteStores.WARM_EVENTS; i++) {
                events.append(SampleLog.event(i));
            }
            handler = QuietHandler.on(events);
        }
    }

    @Benchmark
    public APIGatewayV2HTTPResponse postOne() {
        return checked(handler.handleRequest(ApiRequests.post(SampleLog.stampedJson(next++)), null), 201);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse postOneTimed() {
        return checked(handler.handleRequest(ApiRequests.post(SampleLog.timedJson(next++, run)), null), 201);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse postBatch25() {
        String body = SampleLog.stampedBatchJson(next, 25);
        next += 25;
        return checked(handler.handleRequest(ApiRequests.post(body), null), 201);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse getDay100() {
        return checked(handler.handleRequest(getDay, null), 200);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse getByKey() {
        return checked(handler.handleRequest(getByKey, null), 200);
    }

    /** A benchmark that measured error answers would measure the wrong thing: stop at the first one. */
    static APIGatewayV2HTTPResponse checked(APIGatewayV2HTTPResponse response, int expected) {
        if (response.getStatusCode() != expected) {
            throw new IllegalStateException("expected " + expected + " but got " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }
}
