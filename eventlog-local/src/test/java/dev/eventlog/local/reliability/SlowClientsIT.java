package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stalled clients against the jar's {@code serve} in a process of its own, where the JDK server's time limits are
 * those the runner sets (they are settings of a whole process): requests beside the stalled ones are answered,
 * and the server closes every stalled connection, on the API's port and on the console's.
 */
@Timeout(120)
class SlowClientsIT {

    /** Generous beside the 10 s a request may take, so that a busy machine does not fail the test. */
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(40);

    @Test
    void stalledConnections_areClosedByTheServer_andOthersAreAnsweredMeanwhile() throws Exception {
        try (ServerProcess serve = ServerProcess.serveWithConsole(Map.of());
                SlowClients onTheApi = SlowClients.open(serve.port(), host(serve.port()), "POST", 70);
                SlowClients onTheConsole =
                        SlowClients.open(serve.consolePort(), host(serve.consolePort()), "GET", 70)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, get(serve.port(), "/events?limit=1").status());
                assertEquals(200, get(serve.consolePort(), "/config.js").status());
            }

            assertEquals(0, onTheApi.stillOpenAfter(CLOSED_WITHIN), "stalled API connections left open");
            assertEquals(0, onTheConsole.stillOpenAfter(CLOSED_WITHIN), "stalled console connections left open");
            assertEquals(200, get(serve.port(), "/events?limit=1").status());
        }
    }

    private static RawHttpClient.Reply get(int port, String target) throws IOException {
        return new RawHttpClient(port, Duration.ofSeconds(20))
                .exchange("GET " + target + " HTTP/1.1\r\nHost: " + host(port) + "\r\nConnection: close\r\n\r\n");
    }

    private static String host(int port) {
        return "127.0.0.1:" + port;
    }
}
