package dev.eventlog.client;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.port.EventLogPortContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The client honours the whole port contract against {@code serve} on the in-memory store, over real sockets. */
class HttpEventLogContractTest extends EventLogPortContract {

    private static LocalApi api;
    private static HttpEventLog client;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.quiet();
        client = HttpEventLog.builder().endpoint(api.endpoint()).build();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Override
    protected EventLogPort createPort() {
        return client;
    }
}
