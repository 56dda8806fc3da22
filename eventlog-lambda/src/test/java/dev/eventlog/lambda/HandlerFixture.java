package dev.eventlog.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.inmemory.InMemoryEventLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A handler on a fresh in-memory store with a fixed clock, whose access log the test can read. */
final class HandlerFixture {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00.123Z");

    final EventLogPort store;
    final EventLogHandler handler;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    HandlerFixture() {
        this(new InMemoryEventLog());
    }

    HandlerFixture(EventLogPort store) {
        this.store = store;
        this.handler = new EventLogHandler(
                new EventLogService(store, Clock.fixed(NOW, ZoneOffset.UTC)),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    HttpReply call(APIGatewayV2HTTPEvent event) {
        return HttpReply.of(handler.handleRequest(event, null));
    }

    HttpReply post(String body) {
        return call(ApiEvents.post(body));
    }

    HttpReply list(String rawQueryString) {
        return call(ApiEvents.listEvents(rawQueryString));
    }

    /** Records events straight through the API, failing the test if any is refused. */
    void given(String... events) {
        for (String event : events) {
            HttpReply reply = post(event);
            if (reply.status() != 201) {
                throw new AssertionError("setup event refused: " + reply.body());
            }
        }
    }

    /** The access-log lines, one per request. */
    List<JsonObject> logLines() {
        return allLines().stream().filter(line -> !line.has("_aws")).toList();
    }

    /** The EMF lines, one per request. */
    List<JsonObject> metricLines() {
        return allLines().stream().filter(line -> line.has("_aws")).toList();
    }

    /** The EMF line of the last request. */
    JsonObject lastMetrics() {
        List<JsonObject> lines = metricLines();
        return lines.get(lines.size() - 1);
    }

    private List<JsonObject> allLines() {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : log.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return lines;
    }

    /** The id the API derives for {@code user-1}'s {@code login} without attributes, as in the recorded events. */
    static final String USER_1_LOGIN_ID = "075968f8574ff35e";

    static String eventWithId(String date, String time, String eventId, String userId, String eventType) {
        return "{\"date\":\"" + date + "\",\"time\":\"" + time + "\",\"eventId\":\"" + eventId + "\",\"userId\":\""
                + userId + "\",\"eventType\":\"" + eventType + "\"}";
    }

    static String event(String date, String time, String userId, String eventType) {
        return "{\"date\":\"" + date + "\",\"time\":\"" + time + "\",\"userId\":\"" + userId + "\",\"eventType\":\""
                + eventType + "\"}";
    }
}
