package dev.eventlog.core.domain;

/** The key already holds an event with different content; nothing was changed. */
public final class EventConflictException extends EventLogException {

    private final EventKey key;

    public EventConflictException(EventKey key) {
        super("an event with different content is already recorded at " + key);
        this.key = key;
    }

    public EventKey key() {
        return key;
    }
}
