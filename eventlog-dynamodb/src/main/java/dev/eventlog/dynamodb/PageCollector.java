package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.SortOrder;
import dev.eventlog.core.retention.RetentionPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The page being filled: it holds up to {@code limit} matches and notices the first match beyond them. Events at or
 * before the resume key (in the query's order) were on earlier pages and are passed over.
 */
final class PageCollector {

    private final EventQuery query;
    private final Optional<EventKey> after;
    private final RetentionPolicy retention;
    private final Comparator<EventKey> order;
    private final List<EventRecord> items = new ArrayList<>();
    private boolean more;
    private EventKey stoppedAt;

    PageCollector(EventQuery query, Optional<EventKey> after, RetentionPolicy retention) {
        this.query = query;
        this.after = after;
        this.retention = retention;
        Comparator<EventKey> ascending = Comparator.naturalOrder();
        this.order = query.order() == SortOrder.DESC ? ascending.reversed() : ascending;
    }

    EventQuery query() {
        return query;
    }

    Optional<EventKey> after() {
        return after;
    }

    /** The query's order of keys. */
    Comparator<EventKey> order() {
        return order;
    }

    /** How many more matching items would settle this page: the rest of it plus one to know if more remain. */
    int wanted() {
        return query.limit() - items.size() + 1;
    }

    /** True when {@code position} lies past where this page began, so that stopping there makes progress. */
    boolean beyondStart(EventKey position) {
        return position != null && (after.isEmpty() || order.compare(position, after.get()) > 0);
    }

    /** Takes an event; true when it is a match beyond a full page. */
    boolean offer(EventRecord event) {
        if (!accepts(event)) {
            return false;
        }
        if (full()) {
            more = true;
            return true;
        }
        items.add(event);
        return false;
    }

    /** True when the event belongs on this page or a later one: a match, unexpired, past the resume key. */
    boolean accepts(EventRecord event) {
        // The server already applied the key condition and the filter; checking again keeps a second-only time at the
        // edge of a range out of the page. Time to live deletes days late, so an expired item may still be read: it
        // is passed over like a non-match.
        if (!query.matches(event) || retention.expired(event)) {
            return false;
        }
        return after.isEmpty() || order.compare(event.key(), after.get()) > 0;
    }

    boolean full() {
        return items.size() == query.limit();
    }

    /** Ends a full page knowing that a match follows it. */
    void moreRemain() {
        more = true;
    }

    /** Ends the page where reading stopped for the budget: more may remain after {@code position}. */
    void stopAt(EventKey position) {
        more = true;
        stoppedAt = position;
    }

    Page toPage() {
        if (!more) {
            return Page.last(items);
        }
        return new Page(
                items,
                Optional.of(
                        stoppedAt != null
                                ? stoppedAt
                                : items.get(items.size() - 1).key()));
    }
}
