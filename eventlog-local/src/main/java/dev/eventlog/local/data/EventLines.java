package dev.eventlog.local.data;

import dev.eventlog.core.domain.EventRecord;

/** One event per line of text and back: the NDJSON form that a data file and an export share. */
public interface EventLines {

    /** The event's line, without the line break. */
    String write(EventRecord event);

    /**
     * The event a line holds; throws {@link dev.eventlog.core.domain.InvalidInputException} saying what is wrong
     * with it.
     */
    EventRecord read(String line);
}
