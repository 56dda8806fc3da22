package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The events of one partition key in a query's order, fetched a request at a time as they are consumed.
 *
 * <p>DynamoDB returns a millisecond's items in range-key order, which puts items written without an id (range key
 * {@code HH:mm:ss} or {@code HH:mm:ss.SSS}) before the others whatever their derived ids. So the events of a
 * millisecond are released only once the next millisecond (or the end) has been seen, sorted into key order.
 *
 * <p>When the page's read budget is spent, a cursor that needs another request may stall instead: it then holds
 * back nothing it has read before the millisecond of its last evaluated key, and that key says where the next page
 * must read again.
 */
final class ShardCursor {

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

    /** Upper bound on the items one filtered request asks DynamoDB to evaluate; its 1 MB cap usually binds first. */
    private static final int MAX_EVALUATED_PER_REQUEST = 10_000;

    private final Fetcher fetcher;
    private final Comparator<EventRecord> order;
    private final IntSupplier wanted;
    private final boolean filtered;
    private Predicate<ShardCursor> stallWhen = cursor -> false;
    private Function<Map<String, AttributeValue>, EventTime> positionOf = key -> null;
    private boolean fetched;
    private boolean stalled;
    private final Deque<EventRecord> ready = new ArrayDeque<>();
    private final List<EventRecord> pending = new ArrayList<>();
    private Map<String, AttributeValue> next;
    private boolean exhausted;
    private int evaluate;

    /**
     * @param order the query's order, or null for a scan, whose items come in no order and are passed on as they come
     * @param wanted how many more events this cursor should fetch to fill the page, asked before each request
     * @param filtered true when the request carries a filter, so that a request's size grows while matches are rare
     */
    ShardCursor(Fetcher fetcher, Comparator<EventRecord> order, IntSupplier wanted, boolean filtered) {
        this.fetcher = fetcher;
        this.order = order;
        this.wanted = wanted;
        this.filtered = filtered;
    }

    /**
     * Lets the cursor stop before a request once {@code stallWhen} holds for it (asked only after its first request,
     * so every cursor reads something), and tells it the moment of a last evaluated key, so that it releases every
     * millisecond before that one.
     */
    ShardCursor stoppable(
            Predicate<ShardCursor> stallWhen, Function<Map<String, AttributeValue>, EventTime> positionOf) {
        this.stallWhen = stallWhen;
        this.positionOf = positionOf;
        return this;
    }

    /** The next event in order without taking it, or null at the end or when stalled. */
    EventRecord peek() {
        while (ready.isEmpty() && !exhausted && !stalled) {
            if (fetched && stallWhen.test(this)) {
                stalled = true;
                break;
            }
            fetch();
        }
        return ready.peekFirst();
    }

    /** True when the cursor stopped for the budget with more of its partition unread. */
    boolean stalled() {
        return stalled;
    }

    /** Where the last request stopped evaluating, or null when the partition is read to its end. */
    Map<String, AttributeValue> lastEvaluatedKey() {
        return next;
    }

    /** Takes the next event in order, or null at the end. */
    EventRecord poll() {
        return peek() == null ? null : ready.pollFirst();
    }

    /**
     * True when an event this cursor has read but not handed out (ready, or held back until its millisecond is
     * complete) satisfies {@code test}. Sends no request: it lets a full page learn that more remain from what is
     * already here.
     */
    boolean holds(Predicate<EventRecord> test) {
        return ready.stream().anyMatch(test) || pending.stream().anyMatch(test);
    }

    /** Sends the next request; called ahead of time to read several shards at once. */
    void fetch() {
        if (exhausted) {
            return;
        }
        int need = Math.max(1, wanted.getAsInt());
        evaluate = filtered && evaluate > 0 ? Math.min(MAX_EVALUATED_PER_REQUEST, Math.max(need, evaluate * 4)) : need;
        fetched = true;
        Batch batch = fetcher.fetch(next, evaluate);
        for (Map<String, AttributeValue> item : batch.items()) {
            EventItem.read(item).ifPresent(pending::add);
        }
        next = batch.lastEvaluatedKey();
        exhausted = next == null;
        release();
    }

    /** Moves every millisecond that is complete (the last one only at the end) from pending to ready, sorted. */
    private void release() {
        if (pending.isEmpty()) {
            return;
        }
        if (order == null) {
            ready.addAll(pending);
            pending.clear();
            return;
        }
        int complete = pending.size();
        if (!exhausted) {
            // Every millisecond before the last evaluated key's is complete, even when the filter dropped its items.
            EventTime evaluated = positionOf.apply(next);
            EventTime open = evaluated != null
                    ? evaluated
                    : pending.get(pending.size() - 1).key().moment();
            // Items come in reading order, so only those at the open millisecond itself can still have company.
            while (complete > 0 && pending.get(complete - 1).key().moment().equals(open)) {
                complete--;
            }
        }
        List<EventRecord> done = pending.subList(0, complete);
        done.sort(order);
        ready.addAll(done);
        done.clear();
    }
}
