package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventlog.local.AccessLogEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Facts that live in more than one place because each place must state them (the deployed stage and the local
 * gateway), held equal to their source so that the copies cannot drift apart. The routes, the function's variables
 * and its metrics need no such test: this construct reads them from the HTTP API's contract module.
 */
class OneSourceTest {

    @Test
    void theStageAccessLogFields_areTheLocalGatewaysFields_inTheSameOrder() {
        AccessLogEntry entry = new AccessLogEntry(
                "r", "127.0.0.1", "t", "GET", "GET /events", 200, "HTTP/1.1", 0, null, null, null, null, null, null);

        assertEquals(List.copyOf(entry.fields().keySet()), List.copyOf(AccessLogFields.FIELDS.keySet()));
    }
}
