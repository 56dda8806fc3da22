package dev.eventlog.local;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.retention.RetentionPolicy;

/**
 * A store the runner opened, the retention rule it applies (which the handler's use cases must share), and
 * whatever must be released when it stops (a DynamoDB client).
 */
public record OpenedStore(EventLogPort port, RetentionPolicy retention, AutoCloseable resources)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            System.err.println("warning: closing the store failed: " + e.getMessage());
        }
    }
}
