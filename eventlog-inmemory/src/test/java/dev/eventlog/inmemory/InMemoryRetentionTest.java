package dev.eventlog.inmemory;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.port.EventLogRetentionContract;
import dev.eventlog.core.retention.RetentionPolicy;

/** The in-memory store honours the retention contract. */
class InMemoryRetentionTest extends EventLogRetentionContract {

    @Override
    protected EventLogPort createPort(RetentionPolicy retention) {
        return new InMemoryEventLog(retention);
    }
}
