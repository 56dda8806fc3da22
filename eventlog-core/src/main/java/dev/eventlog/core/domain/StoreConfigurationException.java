package dev.eventlog.core.domain;

/** The store is set up wrongly (for example its table does not exist); retrying will not help. */
public final class StoreConfigurationException extends EventLogException {

    public StoreConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
