package dev.eventlog.local.data;

import dev.eventlog.core.domain.EventTime;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events an export writes: one day, a range of any length, or everything, each optionally of one user only.
 */
public record ExportSelection(Kind kind, LocalDate day, EventTime from, EventTime to, Optional<String> user) {

    /** The shapes of a selection. */
    public enum Kind {
        DAY,
        RANGE,
        EVERYTHING
    }

    public ExportSelection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(user, "user");
    }

    public static ExportSelection day(LocalDate day, Optional<String> user) {
        return new ExportSelection(Kind.DAY, day, null, null, user);
    }

    public static ExportSelection range(EventTime from, EventTime to, Optional<String> user) {
        return new ExportSelection(Kind.RANGE, null, from, to, user);
    }

    public static ExportSelection everything(Optional<String> user) {
        return new ExportSelection(Kind.EVERYTHING, null, null, null, user);
    }
}
