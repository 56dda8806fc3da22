package dev.eventlog.core.port;

import java.time.LocalDate;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** What an erasure found (or, for a preview, would delete): the user's events, counted by day. */
public record ErasureReport(String userId, SortedMap<LocalDate, Long> eventsByDay) {

    public ErasureReport {
        Objects.requireNonNull(userId, "userId");
        eventsByDay = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(eventsByDay));
    }

    /** The number of events in all. */
    public long events() {
        return eventsByDay.values().stream().mapToLong(Long::longValue).sum();
    }
}
