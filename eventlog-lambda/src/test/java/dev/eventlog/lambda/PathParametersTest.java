package dev.eventlog.lambda;

import static dev.eventlog.lambda.HandlerFixture.event;
import static dev.eventlog.lambda.HandlerFixture.eventWithId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Path parameters are decoded once, by API Gateway: the function takes them as they are handed over, so a
 * {@code %} that reaches it is a percent sign, never the start of a second round of decoding.
 */
class PathParametersTest {

    private static final String ONE_EVENT = "GET /events/{date}/{time}/{eventId}";
    private static final String MILLISECOND = "GET /events/{date}/{time}";

    private final HandlerFixture api = new HandlerFixture();

    private HttpReply getEvent(String date, String time, String eventId) {
        return api.call(ApiEvents.get(
                ONE_EVENT,
                "/events/" + date + "/" + time + "/" + eventId,
                null,
                Map.of("date", date, "time", time, "eventId", eventId)));
    }

    @Test
    void decodedParameters_findTheEvent() {
        api.given(eventWithId("2024-05-01", "10:00:02", "a.b", "u", "t"));

        HttpReply reply = getEvent("2024-05-01", "10:00:02.000", "a.b");

        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals("a.b", reply.body().get("eventId").getAsString());
    }

    /** {@code %252e} and {@code %253A} on the wire arrive as {@code %2e} and {@code %3A}: text, not escapes. */
    @ParameterizedTest
    @CsvSource({
        "2024-05-01, 10:00:02.000, %2e, eventId",
        "2024-05-01, 10:00:02.000, a%2Eb, eventId",
        "2024-05-01, 10%3A00%3A02.000, a.b, time",
        "2024-05-01, 10:00:02.000, a%25b, eventId",
        "2024-05-01, 10:00:02.000, a%2Fb, eventId",
        "2024%2D05%2D01, 10:00:02.000, a.b, date"
    })
    void aPercentSignInAParameter_isNotDecodedAgain(String date, String time, String eventId, String field) {
        api.given(eventWithId("2024-05-01", "10:00:02", "a.b", "u", "t"));

        HttpReply reply = getEvent(date, time, eventId).assertProblem(400);

        assertEquals(List.of(field), reply.errorFields());
    }

    @Test
    void aPlusInAParameter_staysAPlus() {
        HttpReply reply = getEvent("2024-05-01", "10:00:02.000", "a+b").assertProblem(400);

        assertEquals(List.of("eventId"), reply.errorFields());
        assertTrue(reply.errorMessage("eventId").contains("U+002B"), reply.errorMessage("eventId"));
    }

    @Test
    void theMillisecondRoute_takesItsTimeAsHandedOver() {
        api.given(event("2024-05-01", "10:00:02", "u", "t"));

        assertEquals(
                1,
                api.call(ApiEvents.get(
                                MILLISECOND,
                                "/events/2024-05-01/10:00:02.000",
                                null,
                                Map.of("date", "2024-05-01", "time", "10:00:02.000")))
                        .body()
                        .get("Count")
                        .getAsInt());
        HttpReply twice = api.call(ApiEvents.get(
                        MILLISECOND,
                        "/events/2024-05-01/10%3A00%3A02.000",
                        null,
                        Map.of("date", "2024-05-01", "time", "10%3A00%3A02.000")))
                .assertProblem(400);
        assertEquals(List.of("time"), twice.errorFields());
    }

    /** Behind a catch-all route the function reads the path, which the HTTP API also hands over decoded. */
    @Test
    void theDefaultRoutesPath_isNotDecodedAgainEither() {
        api.given(eventWithId("2024-05-01", "10:00:02", "a.b", "u", "t"));

        assertEquals(
                200,
                api.call(ApiEvents.viaDefaultRoute("GET", "/events/2024-05-01/10:00:02.000/a.b", null, null))
                        .status());
        HttpReply twice = api.call(ApiEvents.viaDefaultRoute("GET", "/events/2024-05-01/10:00:02.000/%2e", null, null))
                .assertProblem(400);
        assertEquals(List.of("eventId"), twice.errorFields());
    }
}
