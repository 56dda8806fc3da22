package dev.eventlog.lambda;

import static dev.eventlog.lambda.HandlerFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.domain.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/** What clients see, and what the log keeps, when the store fails: 503 with Retry-After, or 500 without internals. */
class StoreFailuresTest {

    @Test
    void unavailableStore_is503WithRetryAfter() {
        HandlerFixture api = new HandlerFixture(
                new BrokenStore(() -> new StoreUnavailableException("throttled after 3 retries", null)));

        HttpReply write = api.post(event("2024-05-01", "10:00:00", "u", "t")).assertProblem(503);
        HttpReply read = api.list("date=2024-05-01").assertProblem(503);

        assertEquals("1", write.header("Retry-After"));
        assertEquals("1", read.header("Retry-After"));
        assertFalse(write.string("detail").contains("throttled"), "no internals reach the client");
    }

    @Test
    void misconfiguredStore_is500WithoutInternalsButLogsTheStackTrace() {
        HandlerFixture api = new HandlerFixture(new BrokenStore(() -> new StoreConfigurationException(
                "table events-prod does not exist", new IllegalStateException("root cause"))));

        HttpReply reply = api.list("date=2024-05-01").assertProblem(500);

        assertEquals("urn:eventlog:problem:internal-error", reply.string("type"));
        assertFalse(reply.body().toString().contains("events-prod"));
        assertFalse(reply.body().toString().contains("Exception"));
        String logged = api.logLines().get(0).get("error").getAsString();
        assertTrue(logged.contains("StoreConfigurationException: table events-prod does not exist"));
        assertTrue(logged.contains("root cause") && logged.contains("\tat "), "the whole stack trace, with its cause");
    }

    @Test
    void unexpectedException_is500WithoutInternals() {
        HandlerFixture api = new HandlerFixture(new BrokenStore(() -> new NullPointerException("secret detail")));

        HttpReply reply = api.call(ApiEvents.load("get-event.json")).assertProblem(500);

        assertFalse(reply.body().toString().contains("secret"));
        assertTrue(api.logLines().get(0).get("error").getAsString().contains("NullPointerException: secret detail"));
    }

    @Test
    void clientErrors_logNoStackTrace() {
        HandlerFixture api = new HandlerFixture();

        api.post("{").assertProblem(400);

        JsonObject line = api.logLines().get(0);
        assertEquals(400, line.get("status").getAsInt());
        assertFalse(line.has("error"));
    }
}
