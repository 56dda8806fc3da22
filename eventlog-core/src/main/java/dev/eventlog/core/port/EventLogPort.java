package dev.eventlog.core.port;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: where events are stored and read back, in key order (date, time, eventId). A write never
 * overwrites: the same key with the same content is {@link AppendOutcome#EXISTING}, with other content
 * {@link AppendOutcome#CONFLICT}, and the stored event stays as it was; events that differ only in their id are
 * distinct events, even in the same millisecond. Implementations are thread-safe and throw
 * {@link dev.eventlog.core.domain.StoreUnavailableException} when the store cannot answer, never a
 * technology's own exception.
 */
public interface EventLogPort {

    /** Stores the event unless its key (date, time, eventId) is taken; says which of the three outcomes happened. */
    AppendResult append(EventRecord event);

    /**
     * Appends each event on its own (each idempotent, none depending on another) and returns one result per
     * event, in the order given. If the store fails part way, throws after the writes it could do; a retry of
     * the whole list is safe.
     */
    List<AppendResult> appendAll(List<EventRecord> events);

    /** The event stored at the key, read with strong consistency. */
    Optional<EventRecord> find(EventKey key);

    /**
     * One page of the query: at most {@code query.limit()} matching events, in the query's order, starting
     * after {@code after} (in that order) when given. {@link Page#resumeAfter()} is present exactly when more
     * matching events remain; passing it back returns each matching event once across all pages.
     */
    Page query(EventQuery query, Optional<EventKey> after);
}
