package dev.eventlog.local.reliability;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Test harness: a loopback proxy in front of a DynamoDB-protocol server that has no partition limits (dynalite),
 * adding the one that matters for a day's writes: a {@code PutItem} whose partition key value has already taken its
 * writes for the current second is answered with DynamoDB's own {@code ProvisionedThroughputExceededException} and
 * never reaches the store. Reads and every other call pass through. DynamoDB's real limit is 1,000 writes per second
 * per partition key; a lower one here lets one machine offer several times the limit.
 */
final class PartitionThrottleProxy implements AutoCloseable {

    private static final String THROUGHPUT_EXCEEDED = "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException";

    private final PartitionWriteLimit limit;
    private final LongSupplier clock;
    private final FaultProxy relay;
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong passedThrough = new AtomicLong();
    private final Map<String, AtomicLong> throttledByKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> admittedByKey = new ConcurrentHashMap<>();

    private PartitionThrottleProxy(URI upstream, int writesPerSecond, LongSupplier clock) throws IOException {
        this.limit = new PartitionWriteLimit(writesPerSecond);
        this.clock = clock;
        this.relay = FaultProxy.start(upstream, this::decide);
    }

    /** Starts a proxy on a free loopback port in front of {@code upstream} that admits {@code writesPerSecond} per key. */
    static PartitionThrottleProxy start(URI upstream, int writesPerSecond) throws IOException {
        return new PartitionThrottleProxy(upstream, writesPerSecond, System::currentTimeMillis);
    }

    /** As {@link #start(URI, int)}, with the clock that decides the one-second windows given. */
    static PartitionThrottleProxy start(URI upstream, int writesPerSecond, LongSupplier epochMillis) throws IOException {
        return new PartitionThrottleProxy(upstream, writesPerSecond, epochMillis);
    }

    URI endpoint() {
        return relay.endpoint();
    }

    int writesPerSecond() {
        return limit.perSecond();
    }

    /** {@code PutItem} calls answered with {@code ProvisionedThroughputExceededException}. */
    long throttled() {
        return throttled.get();
    }

    /** {@code PutItem} calls forwarded to the store. */
    long admitted() {
        return admitted.get();
    }

    /** Calls of any other kind (reads, table set-up), all forwarded. */
    long passedThrough() {
        return passedThrough.get();
    }

    /** Throttled calls per partition key, as {@code table/key}. */
    Map<String, Long> throttledByKey() {
        return copy(throttledByKey);
    }

    /** Admitted writes per partition key, as {@code table/key}. */
    Map<String, Long> admittedByKey() {
        return copy(admittedByKey);
    }

    @Override
    public void close() {
        relay.close();
    }

    @Override
    public String toString() {
        return "admitted=" + admitted() + " throttled=" + throttled() + " other calls=" + passedThrough()
                + " throttled by key=" + throttledByKey();
    }

    private byte[] decide(HttpMessage request) {
        String target = request.header("x-amz-target");
        String key = target != null && target.endsWith(".PutItem") ? partitionOf(request.bodyText()) : null;
        if (key == null) {
            passedThrough.incrementAndGet();
            return null;
        }
        if (limit.admit(key, clock.getAsLong())) {
            admitted.incrementAndGet();
            admittedByKey.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            return null;
        }
        throttled.incrementAndGet();
        throttledByKey.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        return FaultProxy.dynamoDbError(400, THROUGHPUT_EXCEEDED,
                "Writes to partition key '" + key + "' exceed " + limit.perSecond() + " per second");
    }

    /**
     * The table and partition key value of a {@code PutItem} body ({@code TableName} and {@code Item.date.S}), since
     * partitions are per table; null when the body has no such key, which is then the store's problem, not this model's.
     */
    private static String partitionOf(String body) {
        try {
            JsonObject call = JsonParser.parseString(body).getAsJsonObject();
            JsonElement table = call.get("TableName");
            JsonObject item = call.getAsJsonObject("Item");
            JsonObject date = item == null ? null : item.getAsJsonObject("date");
            JsonElement text = date == null ? null : date.get("S");
            if (table == null || text == null) {
                return null;
            }
            return table.getAsString() + "/" + text.getAsString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Long> copy(Map<String, AtomicLong> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
