package dev.eventlog.client;

import dev.eventlog.core.domain.EventIds;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.http.EventJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The API refuses to record an event under an id that it would itself refuse from a client: one of the derived form
 * that another content derives, or one made only of dots (see {@link EventIds#checkGiven}). The port may still be
 * handed such a record, say one read from another store; the client then reports what is stored at its key instead
 * of writing it, since only a different event can be there.
 */
final class ForeignDerivedIds {

    private ForeignDerivedIds() {}

    /** The reasons the API would refuse this record's id; empty when it takes it. */
    static List<FieldError> refusals(EventRecord event) {
        List<FieldError> errors = new ArrayList<>();
        // Deriving hashes the content: done only for an id that a derived one could be compared with.
        String derived = EventIds.hasDerivedForm(event.eventId())
                ? EventIds.derive(event.userId(), event.eventType(), event.attributes())
                : null;
        EventIds.checkGiven(EventJson.EVENT_ID, event.eventId(), derived, errors);
        return errors;
    }
}
