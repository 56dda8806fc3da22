package dev.eventlog.core.query;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventTime;
import java.time.LocalDate;
import java.util.Objects;

/** Which part of the log a query reads: one day, a time range, or everything. */
public sealed interface QueryScope {

    /** True when an event at {@code key} lies inside this scope. */
    boolean contains(EventKey key);

    /** All events of one UTC day. */
    record Day(LocalDate date) implements QueryScope {
        public Day {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public boolean contains(EventKey key) {
            return key.date().equals(date);
        }
    }

    /** Events from {@code from} (inclusive) to {@code to} (exclusive). */
    record Range(EventTime from, EventTime to) implements QueryScope {
        public Range {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public boolean contains(EventKey key) {
            EventTime at = key.moment();
            return at.compareTo(from) >= 0 && at.compareTo(to) < 0;
        }
    }

    /**
     * The events of one millisecond: a range of one millisecond that also names the very last one, whose end would
     * lie past the year 9999.
     */
    record Millisecond(EventTime at) implements QueryScope {
        public Millisecond {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean contains(EventKey key) {
            return key.date().equals(at.date()) && key.time().equals(at.time());
        }
    }

    /** Every event in the log, in the store's own order. */
    record AllEvents() implements QueryScope {
        @Override
        public boolean contains(EventKey key) {
            return true;
        }
    }
}
