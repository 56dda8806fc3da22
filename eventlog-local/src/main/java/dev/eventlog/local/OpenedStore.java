package dev.eventlog.local;

import dev.eventlog.core.port.EventLogPort;

/** A store the runner opened, with whatever must be released when it stops (a DynamoDB client). */
public record OpenedStore(EventLogPort port, AutoCloseable resources) implements AutoCloseable {

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            System.err.println("warning: closing the store failed: " + e.getMessage());
        }
    }
}
