package dev.eventlog.local.reliability;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
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

    /** Which second a write counts in. */
    enum Seconds {
        /** The second of the proxy's clock when the write arrives, as DynamoDB counts. */
        ARRIVAL,
        /**
         * The second of the event's own time of day ({@code Item.time.S}). For a load that gives each event its
         * offered send time as its time, this counts each write in the second it was offered, so that a machine
         * that stalls and then delivers a backlog at once cannot throttle a load that, as offered, stayed under the
         * limit: a verdict on the load, not on the machine's scheduling. For the same reason an item counts once:
         * a retry of a write already admitted (after a timeout on a busy machine) is forwarded without using up
         * the second again. An item without a time of day counts by arrival. Arrival seconds (since the epoch) and event seconds (of
         * the day) never meet in one window, as their ranges do not overlap.
         */
        EVENT_TIME
    }

    private static final String THROUGHPUT_EXCEEDED =
            "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException";

    private final PartitionWriteLimit limit;
    private final Seconds seconds;
    private final LongSupplier clock;
    private final FaultProxy relay;
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong passedThrough = new AtomicLong();
    private final Map<String, AtomicLong> throttledByKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> admittedByKey = new ConcurrentHashMap<>();
    /** Items admitted when counting by event time, each by table, partition key and sort key. */
    private final Set<String> admittedItems = ConcurrentHashMap.newKeySet();

    private PartitionThrottleProxy(URI upstream, int writesPerSecond, Seconds seconds, LongSupplier clock)
            throws IOException {
        this.limit = new PartitionWriteLimit(writesPerSecond);
        this.seconds = seconds;
        this.clock = clock;
        this.relay = FaultProxy.start(upstream, this::decide);
    }

    /**
     * Starts a proxy on a free loopback port in front of {@code upstream} that admits {@code writesPerSecond} per
     * partition key, counted in the seconds given.
     */
    static PartitionThrottleProxy start(URI upstream, int writesPerSecond, Seconds seconds) throws IOException {
        return new PartitionThrottleProxy(upstream, writesPerSecond, seconds, System::currentTimeMillis);
    }

    /** As {@link #start(URI, int, Seconds)} counting by arrival, on the clock given. */
    static PartitionThrottleProxy start(URI upstream, int writesPerSecond, LongSupplier epochMillis)
            throws IOException {
        return new PartitionThrottleProxy(upstream, writesPerSecond, Seconds.ARRIVAL, epochMillis);
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
        JsonObject item = target != null && target.endsWith(".PutItem") ? itemOf(request.bodyText()) : null;
        String key = item == null ? null : partitionOf(item);
        if (key == null) {
            passedThrough.incrementAndGet();
            return null;
        }
        long eventSecond = seconds == Seconds.EVENT_TIME ? eventSecondOf(item) : -1;
        String itemKey = key + "/" + text(item, "time");
        if (eventSecond >= 0 && admittedItems.contains(itemKey)) {
            admitted.incrementAndGet();
            return null;
        }
        // An item without an event time (the store's own metadata) counts when it arrives, whatever the mode.
        long second = eventSecond >= 0 ? eventSecond : Math.floorDiv(clock.getAsLong(), 1000);
        if (limit.admit(key, second)) {
            if (eventSecond >= 0) {
                admittedItems.add(itemKey);
            }
            admitted.incrementAndGet();
            admittedByKey.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            return null;
        }
        throttled.incrementAndGet();
        throttledByKey.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        return FaultProxy.dynamoDbError(
                400,
                THROUGHPUT_EXCEEDED,
                "Writes to partition key '" + key + "' exceed " + limit.perSecond() + " per second");
    }

    /**
     * A {@code PutItem} body's item, with its {@code TableName} added as {@code #table} (partitions are per table);
     * null when the body is not such a call, which is then the store's to refuse, not this model's.
     */
    private static JsonObject itemOf(String body) {
        try {
            JsonObject call = JsonParser.parseString(body).getAsJsonObject();
            JsonObject item = call.getAsJsonObject("Item");
            JsonElement table = call.get("TableName");
            if (item == null || table == null) {
                return null;
            }
            JsonObject copy = item.deepCopy();
            copy.add("#table", table);
            return copy;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code table/value} of the item's partition key {@code date}; null when it has none. */
    private static String partitionOf(JsonObject item) {
        String date = text(item, "date");
        return date == null ? null : item.get("#table").getAsString() + "/" + date;
    }

    /** The second of the day of the item's sort key {@code time} ({@code HH:mm:ss...}); -1 for one without a time. */
    private static long eventSecondOf(JsonObject item) {
        String time = text(item, "time");
        if (time == null || time.length() < 8 || !time.substring(0, 8).matches("\\d\\d:\\d\\d:\\d\\d")) {
            return -1;
        }
        return Integer.parseInt(time.substring(0, 2)) * 3600L
                + Integer.parseInt(time.substring(3, 5)) * 60L
                + Integer.parseInt(time.substring(6, 8));
    }

    private static String text(JsonObject item, String attribute) {
        JsonElement value = item.get(attribute);
        if (value == null || !value.isJsonObject() || !value.getAsJsonObject().has("S")) {
            return null;
        }
        return value.getAsJsonObject().get("S").getAsString();
    }

    private static Map<String, Long> copy(Map<String, AtomicLong> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
