package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.inmemory.InMemoryEventLog;
import dev.eventlog.lambda.EventLogHandler;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile input through the handler itself, as API Gateway would pass it on: a clear 4xx each, and nothing stored. */
@Timeout(60)
class HandlerHostileInputTest {

    static Stream<HostileRequests.Hostile> hostileRequests() {
        return HostileRequests.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileRequest_isRefusedWithAProblemAndStoresNothing(HostileRequests.Hostile hostile) {
        InMemoryEventLog memory = new InMemoryEventLog();
        RecordingStore store = new RecordingStore(memory);
        EventLogHandler handler = new EventLogHandler(new EventLogService(store, Clock.systemUTC()));

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(GatewayEvents.request(hostile.method(), hostile.target(), hostile.body()), null);

        ProblemResponses.assertClientProblem(
                response.getStatusCode(), response.getHeaders(), response.getBody(), hostile.name());
        assertEquals(hostile.status(), response.getStatusCode(), hostile.name() + ": " + response.getBody());
        assertEquals(0, store.created(), hostile.name() + ": nothing may be stored");
        assertEquals(0, memory.size(), hostile.name() + ": nothing may be stored");

        APIGatewayV2HTTPResponse normal = handler.handleRequest(
                GatewayEvents.request("POST", "/events", HostileRequests.event("2025-06-01", "12:00:00")), null);
        assertEquals(201, normal.getStatusCode(), hostile.name() + ": the handler keeps serving: " + normal.getBody());
    }
}
