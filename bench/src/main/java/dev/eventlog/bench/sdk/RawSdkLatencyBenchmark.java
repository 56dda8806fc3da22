package dev.eventlog.bench.sdk;

import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.bench.dynalite.DynaliteStores;
import dev.eventlog.bench.dynalite.RawRequests;
import dev.eventlog.core.domain.EventTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The floor under the handler on dynalite: the same DynamoDB calls the store makes for each route, with the same
 * client, issued directly. The handler's latency over these is what routing, JSON and the domain add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RawSdkLatencyBenchmark {

    private DynamoDbClient client;
    private QueryRequest query;
    private GetItemRequest get;
    private long next;

    @Setup
    public void setUp() {
        client = DynaliteStores.client();
        query = RawRequests.warmDayQuery();
        get = RawRequests.warmGet(SampleLog.key(DynaliteStores.WARM_EVENTS / 2));
    }

    /** The conditional write the store issues for a new event (a fresh key every call, so it always succeeds). */
    @Benchmark
    public PutItemResponse putItem() {
        int n = (int) next++;
        return client.putItem(RawRequests.warmPut(EventTime.at(Instant.ofEpochMilli(4_102_444_800_000L + n)).withId("raw-" + n), n));
    }

    @Benchmark
    public QueryResponse queryDay100() {
        return client.query(query);
    }

    @Benchmark
    public GetItemResponse getItem() {
        return client.getItem(get);
    }
}
