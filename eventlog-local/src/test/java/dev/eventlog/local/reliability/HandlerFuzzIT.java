package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.inmemory.InMemoryEventLog;
import dev.eventlog.lambda.EventLogHandler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Coverage-guided fuzzing of the handler's request parsing and validation: method, path, query string and body.
 * Under {@code mvn verify} it replays the committed corpus ({@code HandlerFuzzITInputs}) as a regression test, in
 * the integration-test phase so that Jazzer's agent never loads into the JVM the timed suites run in;
 * {@code JAZZER_FUZZ=1} fuzzes for real and adds what it finds there.
 *
 * <p>An input is {@code METHOD TARGET} on the first line and the body after it. Whatever the input, the answer is
 * a 2xx, or a 4xx problem that stored nothing (a batch's 409 stores only the events it reports created); every
 * event a 2xx reports is stored as reported.
 */
class HandlerFuzzIT {

    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-05T05:05:05.005Z"), ZoneOffset.UTC);

    @FuzzTest(maxDuration = "4m")
    void anyRequest_getsA2xxOrAClearProblem(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        String head = new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8);
        byte[] body = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
        int space = head.indexOf(' ');
        String method = space < 0 ? "GET" : head.substring(0, space);
        String target = space < 0 ? head : head.substring(space + 1);
        if (!target.startsWith("/")) {
            // API Gateway only ever passes origin-form paths.
            target = "/" + target;
        }

        InMemoryEventLog memory = new InMemoryEventLog();
        RecordingStore store = new RecordingStore(memory);
        // A known event, so that reads and conflicting writes have something to meet.
        memory.append(new EventRecord(EventKey.parse("2024-01-01", "10:00:00", "known-1"), "u-1", "login"));
        // The handler logs each request; fuzzing makes millions of lines.
        EventLogHandler handler = new EventLogHandler(new EventLogService(store, CLOCK), DISCARD);

        APIGatewayV2HTTPResponse response = handler.handleRequest(GatewayEvents.request(method, target, body), null);

        int status = response.getStatusCode();
        String context = head;
        assertNotNull(response.getBody(), context);
        assertTrue(
                status >= 200 && status < 500,
                context + ": never a 5xx for client input, got " + status + " " + response.getBody());
        if (status == 409 && "POST".equals(method) && response.getBody().startsWith("{\"results\"")) {
            // A batch with a conflict answers with every event's outcome; those created are stored.
            assertReportedEventsStored(JsonParser.parseString(response.getBody()), memory, context);
            return;
        }
        if (status >= 400) {
            ProblemResponses.assertClientProblem(status, response.getHeaders(), response.getBody(), context);
            if (status != 409) {
                assertEquals(0, store.created(), context + ": a refused request stores nothing");
            }
            return;
        }
        if ("POST".equals(method)) {
            assertReportedEventsStored(JsonParser.parseString(response.getBody()), memory, context);
        }
    }

    private static void assertReportedEventsStored(JsonElement reply, InMemoryEventLog memory, String context) {
        if (reply.isJsonObject() && reply.getAsJsonObject().has("userId")) {
            assertStored(reply.getAsJsonObject(), memory, context);
            return;
        }
        for (JsonElement element : reply.getAsJsonObject().getAsJsonArray("results")) {
            JsonObject result = element.getAsJsonObject();
            if (!"conflict".equals(result.get("outcome").getAsString())) {
                assertStored(result.getAsJsonObject("event"), memory, context);
            }
        }
    }

    private static void assertStored(JsonObject event, InMemoryEventLog memory, String context) {
        EventKey key = EventKey.parse(
                event.get("date").getAsString(),
                event.get("time").getAsString(),
                event.get("eventId").getAsString());
        Optional<EventRecord> stored = memory.find(key);
        assertTrue(stored.isPresent(), context + ": acknowledged event " + key + " is stored");
        if (event.has("userId")) {
            assertEquals(event.get("userId").getAsString(), stored.get().userId(), context);
            assertEquals(event.get("eventType").getAsString(), stored.get().eventType(), context);
            Map<String, String> attributes = new TreeMap<>();
            if (event.has("attributes")) {
                event.getAsJsonObject("attributes")
                        .entrySet()
                        .forEach(e -> attributes.put(e.getKey(), e.getValue().getAsString()));
            }
            assertEquals(attributes, stored.get().attributes(), context);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
