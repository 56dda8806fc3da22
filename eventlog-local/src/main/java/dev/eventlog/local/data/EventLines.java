package dev.eventlog.local.data;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.InvalidInputException;

/** One event per line of text and back: the NDJSON form that a data file and an export share. */
public interface EventLines {

    /** The event's line, without the line break: exactly the JSON the API returns for it. */
    String write(EventRecord event);

    /**
     * The event a line describes, read as strictly as a POST body's event; throws {@link InvalidInputException}
     * saying what is wrong with its JSON.
     */
    EventDraft draft(String line);

    /**
     * The stored event a line holds: valid, with its date and time; throws {@link InvalidInputException} saying
     * what is wrong with it.
     */
    default EventRecord read(String line) {
        EventDraft draft = draft(line);
        if (draft.stampedByServer()) {
            throw new InvalidInputException("date", "is required: a stored event has its date and time");
        }
        return draft.toRecord();
    }
}
