package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The part of one {@code date} partition a date-bounded query reads: optional inclusive bounds on {@code time}
 * and, for the partition where a page resumes, the key to start after.
 */
record DayPartition(LocalDate date, String lowestTime, String highestTime, Map<String, AttributeValue> startAfter) {

    /**
     * The partitions of a day or range scope, in the query's order, beginning with the one that holds
     * {@code after} when a page resumes there.
     */
    static List<DayPartition> walk(EventQuery query, Optional<EventKey> after) {
        List<DayPartition> days = new ArrayList<>();
        if (query.scope() instanceof QueryScope.Day day) {
            days.add(new DayPartition(day.date(), null, null, null));
        } else if (query.scope() instanceof QueryScope.Range range) {
            EventKey from = range.from();
            // 'to' is exclusive and keys are whole milliseconds, so the last key inside is one millisecond earlier.
            EventKey last = EventKey.at(range.to().instant().minusMillis(1));
            for (LocalDate date = from.date(); !date.isAfter(last.date()); date = date.plusDays(1)) {
                String lowest = date.equals(from.date()) && !from.time().equals(LocalTime.MIDNIGHT)
                        ? EventItem.shortestTimeText(from) : null;
                String highest = date.equals(last.date()) && !last.time().equals(LocalTime.MAX.withNano(999_000_000))
                        ? last.timeText() : null;
                days.add(new DayPartition(date, lowest, highest, null));
            }
        } else {
            throw new IllegalArgumentException("only day and range scopes read partitions by date: " + query.scope());
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
                // Ascending starts after the highest text of the resume key's time, descending before its lowest,
                // so an item stored in the original's second-only form is neither repeated nor skipped.
                String time = descending ? EventItem.shortestTimeText(resume) : resume.timeText();
                remaining.add(new DayPartition(day.date(), day.lowestTime(), day.highestTime(), EventItem.key(resume.dateText(), time)));
            } else if (descending ? byDate < 0 : byDate > 0) {
                remaining.add(day);
            }
        }
        return remaining;
    }

    String dateText() {
        return String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }
}
