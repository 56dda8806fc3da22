package dev.eventlog.core.domain;

/** The identity (date, time, eventId) already holds an event with different content; nothing was changed. */
public final class EventConflictException extends EventLogException {

    private final EventKey key;

    public EventConflictException(EventKey key) {
        super("an event with different content is already recorded as " + key + " (date/time/eventId)");
        this.key = key;
    }

    public EventKey key() {
        return key;
    }
}
