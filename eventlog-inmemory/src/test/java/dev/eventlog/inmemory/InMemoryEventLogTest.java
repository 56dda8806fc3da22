package dev.eventlog.inmemory;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.port.EventLogPortContract;

/** The in-memory store honours the whole port contract. */
class InMemoryEventLogTest extends EventLogPortContract {

    private static final InMemoryEventLog SHARED = new InMemoryEventLog();

    @Override
    protected EventLogPort createPort() {
        return SHARED;
    }
}
