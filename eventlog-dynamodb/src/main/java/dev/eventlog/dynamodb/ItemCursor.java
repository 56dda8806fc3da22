package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The events of one {@code Query} or {@code Scan} in the order DynamoDB returns them, fetched a request at a time as
 * they are consumed. Each request starts exactly where the last one stopped ({@code LastEvaluatedKey}), so nothing
 * is read twice; when the page's read budget is spent, the cursor may stall before a request instead, and its last
 * evaluated key says how far it read.
 */
final class ItemCursor {

    /** One request's items and where the next request would start, or null at the end. */
    record Batch(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastEvaluatedKey) {
        Batch {
            // The SDK returns an empty, not a null, map when DynamoDB sent no LastEvaluatedKey.
            lastEvaluatedKey = lastEvaluatedKey == null || lastEvaluatedKey.isEmpty() ? null : lastEvaluatedKey;
        }
    }

    /** Sends one request: from {@code startKey} (null for the first), evaluating at most {@code limit} items. */
    @FunctionalInterface
    interface Fetcher {
        Batch fetch(Map<String, AttributeValue> startKey, int limit);
    }

    /** An event read, and whether its item was written without an id (its id then derived from its content). */
    record Read(EventRecord event, boolean withoutId) {}

    /** Upper bound on the items one filtered request asks DynamoDB to evaluate; its 1 MB cap usually binds first. */
    private static final int MAX_EVALUATED_PER_REQUEST = 10_000;

    private final Fetcher fetcher;
    private final IntSupplier wanted;
    private final boolean filtered;
    private final Deque<Read> ready = new ArrayDeque<>();
    private Predicate<ItemCursor> stallWhen = cursor -> false;
    private Map<String, AttributeValue> next;
    private boolean fetched;
    private boolean stalled;
    private boolean exhausted;
    private int evaluate;

    /**
     * @param wanted how many more events this cursor should fetch to fill the page, asked before each request
     * @param filtered true when the request carries a filter, so that a request's size grows while matches are rare
     */
    ItemCursor(Fetcher fetcher, IntSupplier wanted, boolean filtered) {
        this.fetcher = fetcher;
        this.wanted = wanted;
        this.filtered = filtered;
    }

    /** Lets the cursor stop before a request once {@code stallWhen} holds (asked only after its first request). */
    ItemCursor stoppable(Predicate<ItemCursor> stallWhen) {
        this.stallWhen = stallWhen;
        return this;
    }

    /** The next event without taking it, or null at the end or when stalled. */
    Read peek() {
        while (ready.isEmpty() && !exhausted && !stalled) {
            if (fetched && stallWhen.test(this)) {
                stalled = true;
                break;
            }
            fetch();
        }
        return ready.peekFirst();
    }

    /** Takes the next event, or null at the end or when stalled. */
    Read poll() {
        return peek() == null ? null : ready.pollFirst();
    }

    /** The events read and not yet taken, in order; sends no request. */
    Iterable<Read> buffered() {
        return ready;
    }

    /** True when the cursor stopped for the budget with more unread. */
    boolean stalled() {
        return stalled;
    }

    /** True when every item has been read (taken or not). */
    boolean exhausted() {
        return exhausted;
    }

    /** Where the last request stopped evaluating, or null when read to the end or before the first request. */
    Map<String, AttributeValue> lastEvaluatedKey() {
        return next;
    }

    /** Sends the next request; called ahead of time to read several partitions at once. */
    void fetch() {
        if (exhausted) {
            return;
        }
        int need = Math.max(1, wanted.getAsInt());
        evaluate = filtered && evaluate > 0 ? Math.min(MAX_EVALUATED_PER_REQUEST, Math.max(need, evaluate * 4)) : need;
        fetched = true;
        Batch batch = fetcher.fetch(next, evaluate);
        for (Map<String, AttributeValue> item : batch.items()) {
            EventItem.read(item).ifPresent(event -> ready.add(new Read(event, EventItem.withoutId(item))));
        }
        next = batch.lastEvaluatedKey();
        exhausted = next == null;
    }
}
