package dev.eventlog.inmemory;

import dev.eventlog.core.port.EventErasureContract;
import dev.eventlog.core.port.EventErasurePort;
import dev.eventlog.core.port.EventLogPort;

/** The in-memory store honours the erasure contract. */
class InMemoryErasureTest extends EventErasureContract {

    @Override
    protected EventLogPort createLog() {
        return new InMemoryEventLog();
    }

    @Override
    protected EventErasurePort erasureOf(EventLogPort log) {
        return (InMemoryEventLog) log;
    }
}
