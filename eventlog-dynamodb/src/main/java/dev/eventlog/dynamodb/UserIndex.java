package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The global secondary index {@code byUser}: partition key {@code userId}, sort key {@code at} =
 * {@code YYYY-MM-DDTHH:mm:ss.SSS#<eventId>}, every attribute projected. Its sort key orders a user's events exactly
 * as the event keys order (date, time, then id; all fixed width or ASCII), so one index query reads a user's
 * events of any period in either order, and its cost is that user's matching events, not the table's.
 */
final class UserIndex {

    static final String NAME = "byUser";

    private UserIndex() {}

    /** The index sort key of an event. */
    static String at(EventKey key) {
        return key.dateText() + "T" + key.timeText() + "#" + key.eventId();
    }

    /** The event key an index sort key names, or null when the text is not one (an item written by another program). */
    static EventKey keyOf(String at) {
        if (at == null || at.length() < 26 || at.charAt(10) != 'T' || at.charAt(23) != '#') {
            return null;
        }
        try {
            return EventKey.parse(at.substring(0, 10), at.substring(11, 23), at.substring(24));
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** The event key of a last evaluated key of an index query, or null. */
    static EventKey keyOf(Map<String, AttributeValue> lastEvaluatedKey) {
        AttributeValue at = lastEvaluatedKey == null ? null : lastEvaluatedKey.get(EventItem.AT);
        return at == null ? null : keyOf(at.s());
    }

    /**
     * The inclusive bounds on {@code at} of a query's scope, narrowed to begin just past the resume key, which they
     * leave out; either may be null (unbounded).
     */
    static Bounds bounds(EventQuery query, Optional<EventKey> after) {
        String low = null;
        String high = null;
        if (query.scope() instanceof QueryScope.Day day) {
            String date = ShardLayout.dateText(day.date());
            // Every sort key of the day starts with "<date>T"; 'U' follows 'T', so nothing of the day reaches it.
            low = date + "T";
            high = date + "U";
        } else if (query.scope() instanceof QueryScope.Millisecond millisecond) {
            // Every sort key of the millisecond starts with its text and '#'; '$' follows '#'.
            low = text(millisecond.at()) + "#";
            high = text(millisecond.at()) + "$";
        } else if (query.scope() instanceof QueryScope.Range range) {
            low = text(range.from());
            // 'to' is exclusive: a sort key of that very millisecond continues after the time with '#', so it sorts
            // above the bare time and stays out.
            high = text(range.to());
        }
        if (after.isPresent()) {
            String resume = at(after.get());
            if (query.order() == SortOrder.ASC) {
                String next = RangeKeys.after(resume);
                low = low == null || next.compareTo(low) > 0 ? next : low;
            } else {
                String previous = RangeKeys.before(resume);
                high = high == null || previous.compareTo(high) < 0 ? previous : high;
            }
        }
        return new Bounds(
                low,
                high,
                query.scope() instanceof QueryScope.Day day && after.isEmpty()
                        ? ShardLayout.dateText(day.date()) + "T"
                        : null);
    }

    private static String text(EventTime time) {
        return time.dateText() + "T" + time.timeText();
    }

    /** Inclusive bounds on {@code at}, or a prefix that every sort key read must start with. */
    record Bounds(String low, String high, String prefix) {}
}
