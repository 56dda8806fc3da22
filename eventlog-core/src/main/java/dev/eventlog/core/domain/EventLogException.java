package dev.eventlog.core.domain;

/** Base of every failure the domain reports; each subtype maps to one kind of answer at the edge. */
public abstract class EventLogException extends RuntimeException {

    protected EventLogException(String message) {
        super(message);
    }

    protected EventLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
