package dev.eventlog.core.domain;

/** No event is recorded at the requested key. */
public final class EventNotFoundException extends EventLogException {

    private final EventKey key;

    public EventNotFoundException(EventKey key) {
        super("no event is recorded as " + key + " (date/time/eventId)");
        this.key = key;
    }

    public EventKey key() {
        return key;
    }
}
