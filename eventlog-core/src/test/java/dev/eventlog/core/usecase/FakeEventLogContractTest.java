package dev.eventlog.core.usecase;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.port.EventLogPortContract;

/** The fake behind the use cases' and the publisher's tests keeps every promise the real stores keep. */
class FakeEventLogContractTest extends EventLogPortContract {

    @Override
    protected EventLogPort createPort() {
        return new FakeEventLog();
    }
}
