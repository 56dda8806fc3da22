package dev.eventlog.core.query;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A validated read: a scope, optional exact-match filters on {@code userId} and {@code eventType},
 * an order (for date-bounded scopes and for a user's events) and a page size.
 */
public record EventQuery(QueryScope scope, String userId, String eventType, SortOrder order, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_RANGE_DAYS = 366;

    public EventQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(order, "order");
        List<FieldError> errors = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT + " (got " + limit + ")"));
        }
        if (scope instanceof QueryScope.Range range) {
            if (range.from().compareTo(range.to()) >= 0) {
                errors.add(new FieldError("to", "must be later than 'from'"));
            } else if (Duration.between(range.from().instant(), range.to().instant())
                            .compareTo(Duration.ofDays(MAX_RANGE_DAYS))
                    > 0) {
                errors.add(new FieldError("to", "must be at most " + MAX_RANGE_DAYS + " days after 'from'"));
            }
        }
        // A user's events are read in key order from the user's index; everyone's events come from a scan, which has
        // none.
        if (scope instanceof QueryScope.AllEvents && order == SortOrder.DESC && userId == null) {
            errors.add(new FieldError(
                    "order",
                    "applies only to a query by 'userId', by 'date' or by 'from' and 'to';"
                            + " all events of every user come in the store's order"));
        }
        if (userId != null) {
            errors.addAll(EventRecord.contentErrors(userId, "x", null));
        }
        if (eventType != null) {
            errors.addAll(EventRecord.contentErrors("x", eventType, null));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Every event of the scope, oldest first, in pages of the default size. */
    public static EventQuery of(QueryScope scope) {
        return new EventQuery(scope, null, null, SortOrder.ASC, DEFAULT_LIMIT);
    }

    public EventQuery withLimit(int newLimit) {
        return new EventQuery(scope, userId, eventType, order, newLimit);
    }

    public EventQuery withOrder(SortOrder newOrder) {
        return new EventQuery(scope, userId, eventType, newOrder, limit);
    }

    public EventQuery withUserId(String newUserId) {
        return new EventQuery(scope, newUserId, eventType, order, limit);
    }

    public EventQuery withEventType(String newEventType) {
        return new EventQuery(scope, userId, newEventType, order, limit);
    }

    /** True when the event lies in the scope and passes both filters. */
    public boolean matches(EventRecord event) {
        return scope.contains(event.key())
                && (userId == null || userId.equals(event.userId()))
                && (eventType == null || eventType.equals(event.eventType()));
    }
}
