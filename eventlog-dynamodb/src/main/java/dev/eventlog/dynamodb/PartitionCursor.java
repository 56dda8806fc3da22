package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The events of one day partition in key order (date, time, eventId), in the query's direction.
 *
 * <p>DynamoDB returns items in range-key order, which is key order for every item written with its id. Items written
 * without one (range key {@code HH:mm:ss} or {@code HH:mm:ss.SSS}, at most two per millisecond, and only in a
 * partition that {@link LegacyItems} says may hold them) sort before their millisecond's other items whatever their
 * derived ids. This cursor merges them into place, holding them aside (never the millisecond's other events):
 * ascending they arrive first; descending they arrive last, so before it hands out the first event of a millisecond
 * it learns that millisecond's items without id, from what it has already read when that shows the millisecond's end,
 * else with one small lookup. A page that resumes inside a millisecond reads on from the exact key, and, ascending,
 * looks up that millisecond's items without id once. So a millisecond of any size costs a page only what the page
 * takes from it.
 */
final class PartitionCursor {

    /** The events written without an id in one millisecond of this partition (at most two). */
    @FunctionalInterface
    interface MillisecondLookup {
        List<EventRecord> withoutId(EventTime millisecond);
    }

    private final ItemCursor items;
    private final String dateText;
    private final boolean ascending;
    private final Comparator<EventKey> order;
    /** Null when the partition holds no item without an id. */
    private final MillisecondLookup lookup;
    /** Events written without an id, read or looked up and not yet handed out, in the query's order. */
    private final PriorityQueue<EventRecord> withoutId;
    /** The millisecond whose items without id are all in {@link #withoutId} or handed out; their copies are skipped. */
    private EventTime resolved;
    /** Ascending, a millisecond the page resumes inside, whose items without id are still to be looked up. */
    private EventTime lookUpFirst;

    /**
     * @param resumeAfter the key this partition's read starts after, when it lies inside the partition's day
     */
    PartitionCursor(
            ItemCursor items, String dateText, boolean ascending, MillisecondLookup lookup, EventKey resumeAfter) {
        this.items = items;
        this.dateText = dateText;
        this.ascending = ascending;
        Comparator<EventKey> natural = Comparator.naturalOrder();
        this.order = ascending ? natural : natural.reversed();
        this.lookup = lookup;
        this.withoutId = new PriorityQueue<>((a, b) -> order.compare(a.key(), b.key()));
        this.lookUpFirst = lookup != null && ascending && resumeAfter != null ? resumeAfter.moment() : null;
    }

    /** Sends the first request (and a resumed page's lookup); called ahead of time to read partitions side by side. */
    void fetch() {
        lookUpPending();
        items.fetch();
    }

    /** The next event in the query's order without taking it, or null at the end or when stalled. */
    EventRecord peek() {
        lookUpPending();
        while (true) {
            ItemCursor.Read next = items.peek();
            EventRecord held = withoutId.peek();
            if (next == null) {
                if (held == null || items.exhausted()) {
                    return held;
                }
                EventKey frontier = frontier();
                return frontier != null && order.compare(held.key(), frontier) < 0 ? held : null;
            }
            EventTime millisecond = next.event().key().moment();
            if (lookup != null && next.withoutId()) {
                items.poll();
                if (!millisecond.equals(resolved)) {
                    withoutId.add(next.event());
                }
                continue;
            }
            if (lookup != null && !ascending && !millisecond.equals(resolved)) {
                resolve(millisecond);
                continue;
            }
            return held != null && order.compare(held.key(), next.event().key()) < 0 ? held : next.event();
        }
    }

    /** Takes the next event, or null at the end or when stalled. */
    EventRecord poll() {
        EventRecord next = peek();
        if (next == null) {
            return null;
        }
        if (next == withoutId.peek()) {
            return withoutId.poll();
        }
        return items.poll().event();
    }

    /** True when the partition's read stopped for the budget with more unread. */
    boolean stalled() {
        return items.stalled();
    }

    /**
     * The key of the last item read, when it is one that a page may resume after (an item written with its id);
     * everything up to it has been read.
     */
    EventKey frontier() {
        return frontierOf(dateText, items);
    }

    /** The key a day partition's request stopped at, when a page may resume after it; else null. */
    static EventKey frontierOf(String dateText, ItemCursor cursor) {
        Map<String, AttributeValue> key = cursor.lastEvaluatedKey();
        AttributeValue rangeKey = key == null ? null : key.get(EventItem.TIME);
        return rangeKey == null ? null : RangeKeys.keyOf(dateText, rangeKey.s());
    }

    /** True when an event read and not handed out satisfies {@code test}; sends no request. */
    boolean holds(Predicate<EventRecord> test) {
        if (withoutId.stream().anyMatch(test)) {
            return true;
        }
        for (ItemCursor.Read read : items.buffered()) {
            if (test.test(read.event())) {
                return true;
            }
        }
        return false;
    }

    private void lookUpPending() {
        if (lookUpFirst != null) {
            EventTime millisecond = lookUpFirst;
            lookUpFirst = null;
            withoutId.addAll(lookup.withoutId(millisecond));
            resolved = millisecond;
        }
    }

    /**
     * Descending, before the first event of {@code millisecond} is handed out: its items without id come last, so
     * they are taken from what was read when that already reaches past the millisecond, else looked up.
     */
    private void resolve(EventTime millisecond) {
        List<EventRecord> found = new ArrayList<>();
        boolean complete = items.exhausted();
        for (ItemCursor.Read read : items.buffered()) {
            if (!read.event().key().moment().equals(millisecond)) {
                complete = true;
                break;
            }
            if (read.withoutId()) {
                found.add(read.event());
            }
        }
        if (!complete) {
            EventTime evaluated = momentOf(items.lastEvaluatedKey());
            complete = evaluated != null && evaluated.compareTo(millisecond) < 0;
        }
        withoutId.addAll(complete ? found : lookup.withoutId(millisecond));
        resolved = millisecond;
    }

    /** The millisecond a last evaluated key lies in, whatever the form of its range key; null when it has none. */
    private EventTime momentOf(Map<String, AttributeValue> key) {
        AttributeValue rangeKey = key == null ? null : key.get(EventItem.TIME);
        if (rangeKey == null || rangeKey.s() == null) {
            return null;
        }
        String text = rangeKey.s();
        int hash = text.indexOf('#');
        try {
            return EventTime.parse(dateText, hash < 0 ? text : text.substring(0, hash));
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
