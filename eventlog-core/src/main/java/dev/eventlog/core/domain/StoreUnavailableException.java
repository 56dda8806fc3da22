package dev.eventlog.core.domain;

/** The store could not be reached or kept refusing (throttling, server errors) after retries; try again later. */
public class StoreUnavailableException extends EventLogException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
