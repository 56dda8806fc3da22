package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.lambda.EventLogHandler;
import dev.eventlog.lambda.FunctionWiring;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Write shards against a model of DynamoDB's per-partition write limit ({@link PartitionThrottleProxy}, W writes per
 * second per partition key): three times W single-event POSTs per second on one day, through the handler the
 * function builds. With one shard the day's key is throttled and clients get 503s; with four every event is
 * acknowledged without one throttled call, both when every event has its own content and when every event has the
 * same content at another time (a heartbeat, whose derived ids are all the same: the shard must depend on the time
 * too). Either way the day, read back page by page, holds every acknowledged event exactly once, in order. Writes
 * count in the second of their event time, which the load sets to the moment each was offered, and an item counts
 * once however often a late answer made the SDK send it: the verdict is the same on a fast machine and on a busy
 * one, where only the run takes longer. The assertions are on counts only. {@code -Deventlog.scale.seconds=N}
 * offers the four-shard loads for longer, {@code -Deventlog.scale.oneShardSeconds=N} the one-shard load; the
 * figures measured by arrival time are the benchmark's ({@link WriteScaleBenchmark}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WriteShardsScaleTest {

    /** The model's per-key limit: a tenth of DynamoDB's, so that one machine can offer three times it. */
    static final int WRITES_PER_SECOND = 100;

    static final int OFFERED_PER_SECOND = 3 * WRITES_PER_SECOND;
    private static final Duration OFFERED_FOR = Duration.ofSeconds(Long.getLong("eventlog.scale.seconds", 10));
    /**
     * One shard is over the limit from the load's first second on, and every throttled write waits out the SDK's
     * backoff before its 503: a few seconds show both what is refused and what is kept.
     */
    private static final Duration ONE_SHARD_FOR = Duration.ofSeconds(Long.getLong("eventlog.scale.oneShardSeconds", 4));

    private static final String DAY = "2024-09-02";
    /**
     * Bounds the load this machine carries: past a few dozen concurrent store calls dynalite answers after the SDK's
     * attempt timeout, whose retries add load, and the run measures that collapse instead of the partition limit.
     */
    private static final int MAX_IN_FLIGHT = 48;

    private static DynaliteServer dynalite;

    @BeforeAll
    static void startStore() {
        dynalite = DynaliteServer.start();
    }

    @AfterAll
    static void stopStore() {
        dynalite.close();
    }

    @Test
    void oneShard_isThrottledAtThreeTimesThePartitionLimit_andKeepsWhatItAcknowledged() throws Exception {
        try (PartitionThrottleProxy proxy = PartitionThrottleProxy.start(
                dynalite.endpoint(), WRITES_PER_SECOND, PartitionThrottleProxy.Seconds.EVENT_TIME)) {
            EventLogHandler handler = handler(proxy.endpoint(), "scale-one-shard", 1);
            // No client retries: a 503 from a full partition is the finding, and retrying into it only lengthens the
            // run.
            OfferedWrites.Result result = offer(handler, OfferedContent.UNIQUE, ONE_SHARD_FOR, 0);
            List<String> day = DayReads.readDay(handler, DAY);
            report(1, result, proxy, day);

            assertTrue(proxy.throttled() > 0, "the day's only partition key was throttled: " + proxy);
            assertTrue(result.count(503) > 0, "clients were told to retry: " + result);
            assertEquals(
                    result.plan().total(),
                    result.count(201) + result.count(200) + result.count(503),
                    "every final answer is 201, 200 (a retry of a write that had landed) or 503: " + result);
            assertEquals(
                    Set.of(),
                    difference(result.acknowledged(), result.sent()),
                    "acknowledged ids are the derived ones");
            assertInOrderOnce(day);
            assertEquals(Set.of(), difference(result.acknowledged(), day), "acknowledged events missing from the day");
            // A 503 after a write that landed but was answered too late is allowed; an event nobody sent is not.
            assertEquals(Set.of(), difference(day, result.sent()), "events in the day that were never sent");
        }
    }

    @Test
    void fourShards_takeThreeTimesThePartitionLimit_withoutOneThrottledCall() throws Exception {
        assertFourShardsTakeThreeTimesTheLimit("scale-four-shards", OfferedContent.UNIQUE);
    }

    @Test
    void fourShards_spreadAHeartbeatAtThreeTimesThePartitionLimit_withoutOneThrottledCall() throws Exception {
        assertFourShardsTakeThreeTimesTheLimit("scale-four-shards-heartbeat", OfferedContent.HEARTBEAT);
    }

    private static void assertFourShardsTakeThreeTimesTheLimit(String table, OfferedContent content) throws Exception {
        try (PartitionThrottleProxy proxy = PartitionThrottleProxy.start(
                dynalite.endpoint(), WRITES_PER_SECOND, PartitionThrottleProxy.Seconds.EVENT_TIME)) {
            EventLogHandler handler = handler(proxy.endpoint(), table, 4);
            // A few retries, as a client does, so that a busy machine's late answer is not mistaken for a throttle.
            OfferedWrites.Result result = offer(handler, content, OFFERED_FOR, 3);
            List<String> day = DayReads.readDay(handler, DAY);
            report(4, result, proxy, day);

            assertEquals(0, proxy.throttled(), "no partition key went over the limit: " + proxy);
            assertEquals(
                    result.plan().total(),
                    result.count(201) + result.count(200),
                    "every event acknowledged: " + result);
            assertEquals(
                    Set.of(),
                    difference(result.acknowledged(), result.sent()),
                    "acknowledged ids are the derived ones");
            assertInOrderOnce(day);
            assertEquals(
                    result.sent().stream().sorted().toList(), day, "the day holds exactly the events sent, in order");
            Map<String, Long> admitted = proxy.admittedByKey();
            for (String key : List.of(DAY, DAY + "#1", DAY + "#2", DAY + "#3")) {
                long writes = admitted.getOrDefault(table + "/" + key, 0L);
                assertTrue(
                        writes >= result.plan().total() / 8,
                        "each of the day's four keys took a share of the writes, " + key + " took " + writes + ": "
                                + admitted);
            }
        }
    }

    private static OfferedWrites.Result offer(
            EventLogHandler handler, OfferedContent content, Duration duration, int retries)
            throws InterruptedException {
        // Warms the handler up on another day, whose key has its own budget, so the offered load starts on time.
        OfferedWrites.offer(
                handler,
                new OfferedWrites.Plan(
                        "2024-09-01", 0, 50, Duration.ofSeconds(1), MAX_IN_FLIGHT, retries, OfferedContent.UNIQUE));
        return OfferedWrites.offer(
                handler,
                new OfferedWrites.Plan(DAY, 10, OFFERED_PER_SECOND, duration, MAX_IN_FLIGHT, retries, content));
    }

    private static void assertInOrderOnce(List<String> day) {
        List<String> disorder = new ArrayList<>();
        for (int i = 1; i < day.size(); i++) {
            if (day.get(i - 1).compareTo(day.get(i)) >= 0) {
                disorder.add(day.get(i - 1) + " then " + day.get(i));
            }
        }
        assertEquals(List.of(), disorder, "the day is in strictly ascending (time, eventId) order, each event once");
    }

    private static Set<String> difference(List<String> these, List<String> without) {
        Set<String> out = new HashSet<>(these);
        without.forEach(out::remove);
        return out;
    }

    private static void report(
            int shards, OfferedWrites.Result result, PartitionThrottleProxy proxy, List<String> day) {
        System.out.printf(
                "%n[write shards] N=%d, W=%d/s, offered %d/s: %s%n",
                shards, WRITES_PER_SECOND, OFFERED_PER_SECOND, result);
        System.out.printf(
                "[write shards] N=%d proxy: %s; admitted by key %s; day read back: %d events%n",
                shards, proxy, proxy.admittedByKey(), day.size());
    }

    /** The handler the function builds from its environment, with the store's endpoint moved to {@code endpoint}. */
    static EventLogHandler handler(URI endpoint, String table, int shards) {
        createTable(dynalite, table);
        return handler(endpoint, table, shards, "scale");
    }

    /**
     * Creates the table, trying again when dynalite answers after the test client's timeout, as it does on a busy
     * machine; creating a table that exists is a no-op.
     */
    static void createTable(DynaliteServer server, String table) {
        for (int attempt = 1; ; attempt++) {
            try {
                DynamoDbEventLog.createTable(server.client(), table);
                return;
            } catch (StoreUnavailableException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    static EventLogHandler handler(URI endpoint, String table, int shards, String keyId) {
        Map<String, String> environment = Map.of(
                "TABLE_NAME",
                table,
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                keyId,
                "AWS_SECRET_ACCESS_KEY",
                keyId,
                "AWS_ENDPOINT_URL_DYNAMODB",
                endpoint.toString(),
                "EVENTLOG_WRITE_SHARDS",
                Integer.toString(shards));
        return new EventLogHandler(FunctionWiring.fromEnvironment(environment).service());
    }
}
