package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The part of one day a date-bounded query reads: optional inclusive bounds on the range key. Where a page resumes,
 * the bound starts just past the resume key, so no event an earlier page returned is read again (items written
 * without an id, which sort before their millisecond's others, are the {@link PartitionCursor}'s concern).
 */
record DayPartition(LocalDate date, String lowestRangeKey, String highestRangeKey) {

    private static final LocalTime LAST_MILLISECOND = LocalTime.of(23, 59, 59, 999_000_000);

    /** The days of a day or range scope, in the query's order, beginning with the one that holds {@code after}. */
    static List<DayPartition> walk(EventQuery query, Optional<EventKey> after) {
        List<DayPartition> days = new ArrayList<>();
        if (query.scope() instanceof QueryScope.Day day) {
            days.add(new DayPartition(day.date(), null, null));
        } else if (query.scope() instanceof QueryScope.Millisecond millisecond) {
            EventTime at = millisecond.at();
            days.add(new DayPartition(at.date(), RangeKeys.lowest(at), RangeKeys.highest(at)));
        } else if (query.scope() instanceof QueryScope.Range range) {
            EventTime from = range.from();
            // 'to' is exclusive and times are whole milliseconds, so the last time inside is one millisecond earlier.
            EventTime last = EventTime.at(range.to().instant().minusMillis(1));
            for (LocalDate date = from.date(); !date.isAfter(last.date()); date = date.plusDays(1)) {
                String lowest = date.equals(from.date()) && !from.time().equals(LocalTime.MIDNIGHT)
                        ? RangeKeys.lowest(from)
                        : null;
                String highest = date.equals(last.date()) && !last.time().equals(LAST_MILLISECOND)
                        ? RangeKeys.highest(last)
                        : null;
                days.add(new DayPartition(date, lowest, highest));
            }
        } else {
            throw new IllegalArgumentException(
                    "only day, range and millisecond scopes read partitions by date: " + query.scope());
        }
        boolean descending = query.order() == SortOrder.DESC;
        if (descending) {
            Collections.reverse(days);
        }
        if (after.isEmpty()) {
            return days;
        }
        EventKey resume = after.get();
        List<DayPartition> remaining = new ArrayList<>();
        for (DayPartition day : days) {
            int byDate = day.date().compareTo(resume.date());
            if (byDate == 0) {
                if (!resume.equals(DayReader.endOf(day, query.order()))) {
                    remaining.add(day.resumedAfter(resume, descending));
                }
            } else if (descending ? byDate < 0 : byDate > 0) {
                remaining.add(day);
            }
        }
        return remaining;
    }

    /** This day's part that lies after {@code resume} in the query's order. */
    private DayPartition resumedAfter(EventKey resume, boolean descending) {
        String key = RangeKeys.of(resume);
        return descending
                ? new DayPartition(date, lowestRangeKey, RangeKeys.before(key))
                : new DayPartition(date, RangeKeys.after(key), highestRangeKey);
    }

    String dateText() {
        return ShardLayout.dateText(date);
    }
}
