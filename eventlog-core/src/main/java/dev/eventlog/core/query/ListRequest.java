package dev.eventlog.core.query;

import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A list request as a client sent it, every parameter raw text or null: {@code date} (with {@code time}, one
 * millisecond of it), or {@code from} and {@code to}, or none of them (all events); filters {@code userId} and
 * {@code eventType}; {@code order}, {@code limit}, {@code nextToken}.
 */
public record ListRequest(
        String date,
        String time,
        String from,
        String to,
        String userId,
        String eventType,
        String order,
        String limit,
        String nextToken) {

    /** A request for everything, with no parameters. */
    public static ListRequest all() {
        return new ListRequest(null, null, null, null, null, null, null, null, null);
    }

    /** A request for one day, with no other parameters. */
    public static ListRequest day(String date) {
        return new ListRequest(date, null, null, null, null, null, null, null, null);
    }

    /** A request for the events of one millisecond, the date and time given as text. */
    public static ListRequest millisecond(
            String date, String time, String userId, String eventType, String order, String limit, String nextToken) {
        return new ListRequest(date, time, null, null, userId, eventType, order, limit, nextToken);
    }

    /** The validated query; reports every bad parameter at once. */
    public EventQuery toQuery() {
        List<FieldError> errors = new ArrayList<>();
        QueryScope scope = scope(errors);
        SortOrder sortOrder = sortOrder(errors);
        int pageSize = pageSize(errors);
        if (userId != null && userId.isEmpty()) {
            errors.add(new FieldError("userId", "must not be empty when given"));
        }
        if (eventType != null && eventType.isEmpty()) {
            errors.add(new FieldError("eventType", "must not be empty when given"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new EventQuery(scope, userId, eventType, sortOrder, pageSize);
    }

    private QueryScope scope(List<FieldError> errors) {
        if (time != null) {
            if (date == null || from != null || to != null) {
                errors.add(new FieldError("time", "names a millisecond of 'date'; give both, without 'from' and 'to'"));
                return null;
            }
            LocalDate day = EventTime.parseDate("date", date, errors);
            LocalTime at = EventTime.parseTime("time", time, errors);
            return day == null || at == null ? null : new QueryScope.Millisecond(new EventTime(day, at));
        }
        if (date != null) {
            if (from != null || to != null) {
                errors.add(
                        new FieldError("date", "cannot be combined with 'from' and 'to'; give one day or one range"));
                return null;
            }
            LocalDate day = EventTime.parseDate("date", date, errors);
            return day == null ? null : new QueryScope.Day(day);
        }
        if (from == null && to == null) {
            return new QueryScope.AllEvents();
        }
        if (from == null || to == null) {
            errors.add(new FieldError(
                    from == null ? "from" : "to",
                    "is required when '" + (from == null ? "to" : "from") + "' is given"));
            return null;
        }
        EventTime start = instant("from", from, errors);
        EventTime end = instant("to", to, errors);
        return start == null || end == null ? null : new QueryScope.Range(start, end);
    }

    /** Reads {@code YYYY-MM-DD}, or {@code YYYY-MM-DDTHH:mm:ss[.SSS]} with an optional trailing {@code Z}. */
    private static EventTime instant(String field, String text, List<FieldError> errors) {
        String value = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        int t = value.indexOf('T');
        List<FieldError> own = new ArrayList<>();
        LocalDate day = EventTime.parseDate(field, t < 0 ? value : value.substring(0, t), own);
        LocalTime time = t < 0 ? LocalTime.MIDNIGHT : EventTime.parseTime(field, value.substring(t + 1), own);
        if (!own.isEmpty()) {
            errors.add(new FieldError(
                    field,
                    "must be a UTC instant YYYY-MM-DDTHH:mm:ss.SSS (got "
                            + (text.length() > 40 ? text.substring(0, 40) + "..." : text).replaceAll("\\p{Cntrl}", "?")
                            + ")"));
            return null;
        }
        return new EventTime(day, time);
    }

    private SortOrder sortOrder(List<FieldError> errors) {
        if (order == null) {
            return SortOrder.ASC;
        }
        switch (order.toLowerCase(Locale.ROOT)) {
            case "asc":
                return SortOrder.ASC;
            case "desc":
                return SortOrder.DESC;
            default:
                errors.add(new FieldError("order", "must be 'asc' or 'desc'"));
                return SortOrder.ASC;
        }
    }

    private int pageSize(List<FieldError> errors) {
        if (limit == null) {
            return EventQuery.DEFAULT_LIMIT;
        }
        if (limit.matches("[0-9]{1,4}")) {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= EventQuery.MAX_LIMIT) {
                return value;
            }
        }
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + EventQuery.MAX_LIMIT));
        return EventQuery.DEFAULT_LIMIT;
    }
}
