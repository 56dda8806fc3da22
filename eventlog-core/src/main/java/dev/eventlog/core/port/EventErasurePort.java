package dev.eventlog.core.port;

/**
 * Outgoing port: removing every event of one user, for a privacy request (GDPR's right to erasure, APPI, CCPA).
 * Separate from {@link EventLogPort} because the API never erases: only an operator's tool holds a store as this
 * port, with credentials that may delete. Implementations are safe to run again (a second run finds nothing) and
 * leave every other user's events untouched; events the user sends while an erasure runs may remain, so intake of
 * that user's events is stopped first.
 */
public interface EventErasurePort {

    /** Counts the user's stored events and lists their days, deleting nothing. */
    ErasureReport preview(String userId);

    /**
     * Deletes every stored event of the user and reports what it deleted; afterwards no read (by day, range,
     * millisecond, key, user, or of everything) returns one of them.
     */
    ErasureReport erase(String userId);
}
