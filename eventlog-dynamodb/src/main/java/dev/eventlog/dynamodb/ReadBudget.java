package dev.eventlog.dynamodb;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * What one page may spend on reading: bytes of items DynamoDB read (counted from each response's consumed capacity,
 * which covers the items a filter dropped too) and time. A filtered read with rare matches would otherwise read
 * until it fills the page, which on a large table outlasts the function's timeout; when the budget is spent the
 * page answers what it has, with a resume key where reading stopped. Shared by the requests of one page that run
 * side by side.
 */
final class ReadBudget {

    /** The budget every API call gets unless a test or a benchmark chooses another. */
    static final Limits DEFAULT = new Limits(4L * 1024 * 1024, Duration.ofSeconds(2));

    /** Bytes one read capacity unit stands for: 4 KB read strongly consistently, 8 KB eventually consistently. */
    private static final long STRONG_UNIT_BYTES = 4096;

    private static final long EVENTUAL_UNIT_BYTES = 8192;

    /** The smallest {@code Limit} a request asks for when the page wants at least that many items. */
    static final int USEFUL_LIMIT = 25;

    /** The most bytes and the longest time one page may spend reading. */
    record Limits(long maxBytes, Duration maxTime) {
        Limits {
            if (maxBytes < 1 || maxTime.isNegative() || maxTime.isZero()) {
                throw new IllegalArgumentException(
                        "read budget: bytes and time must be positive (got " + maxBytes + ", " + maxTime + ")");
            }
        }
    }

    private final Limits limits;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong reserved = new AtomicLong();

    ReadBudget(Limits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** The {@code Limit} of one request, and the bytes set aside for it until its response is counted. */
    record Grant(int limit, long reserved) {}

    /**
     * The {@code Limit} for the next request: at most {@code wanted}, and no more items than the bytes left would
     * hold at the mean size read so far, so the last request does not run far past the budget. The bytes it may
     * read are set aside until {@link #charge}, so that requests sent side by side share what is left.
     */
    Grant grant(int wanted) {
        long read = bytes.get();
        long items = scanned.get();
        if (read == 0 || items == 0) {
            return new Grant(wanted, 0);
        }
        long left = Math.max(0, limits.maxBytes() - read - reserved.get());
        // A request is sent after the budget is spent only when the page could not otherwise move on; it then asks
        // for enough to be worth its round trip, never for one item at a time.
        int floor = Math.min(wanted, USEFUL_LIMIT);
        int limit = (int) Math.min(wanted, Math.max(floor, left * items / read));
        long reserve = limit * read / items;
        reserved.addAndGet(reserve);
        return new Grant(limit, reserve);
    }

    /**
     * Counts one response: the capacity it consumed (null when the server reported none) and the items it evaluated,
     * and releases what its grant set aside.
     */
    void charge(Grant grant, ConsumedCapacity consumed, Integer scannedCount, boolean consistent) {
        reserved.addAndGet(-grant.reserved());
        if (consumed != null && consumed.capacityUnits() != null) {
            long unit = consistent ? STRONG_UNIT_BYTES : EVENTUAL_UNIT_BYTES;
            bytes.addAndGet((long) Math.ceil(consumed.capacityUnits() * unit));
        }
        if (scannedCount != null) {
            scanned.addAndGet(scannedCount);
        }
    }

    /** Counts a request that was sent without a grant: a small lookup a page cannot do without. */
    void charge(QueryResponse response) {
        charge(new Grant(0, 0), response.consumedCapacity(), response.scannedCount(), true);
    }

    /** True once the bytes or the time are used up: no further request should be sent for this page. */
    boolean spent() {
        return bytes.get() >= limits.maxBytes()
                || nanoClock.getAsLong() - startNanos >= limits.maxTime().toNanos();
    }
}
