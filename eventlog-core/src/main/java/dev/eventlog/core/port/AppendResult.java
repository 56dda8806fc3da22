package dev.eventlog.core.port;

import dev.eventlog.core.domain.EventRecord;
import java.util.Objects;

/** The outcome of appending one event, with the event that was submitted. */
public record AppendResult(EventRecord event, AppendOutcome outcome) {

    public AppendResult {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AppendResult created(EventRecord event) {
        return new AppendResult(event, AppendOutcome.CREATED);
    }

    public static AppendResult existing(EventRecord event) {
        return new AppendResult(event, AppendOutcome.EXISTING);
    }

    public static AppendResult conflict(EventRecord event) {
        return new AppendResult(event, AppendOutcome.CONFLICT);
    }
}
