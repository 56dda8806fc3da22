package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A path is decoded exactly once, by the gateway, as the HTTP API does: the function receives {@code %25},
 * {@code %2E} and {@code +} as one round of decoding leaves them, and an encoded slash is a slash before routing.
 */
class DecodeOnceTest {

    private static Map<String, String> local(int port) {
        return RawExchange.host("127.0.0.1", port);
    }

    @ParameterizedTest
    @CsvSource({
        "/events/2024-06-01/10%3A00%3A02.000/a%2525b, 10:00:02.000, a%25b",
        "/events/2024-06-01/10%253A00%253A02.000/x, 10%3A00%3A02.000, x",
        "/events/2024-06-01/10:00:02.000/%252e, 10:00:02.000, %2e",
        "/events/2024-06-01/10:00:02.000/a%2Eb, 10:00:02.000, a.b",
        "/events/2024-06-01/10:00:02.000/a+b, 10:00:02.000, a+b"
    })
    void theGateway_handsOverEachPathParameterDecodedOnce(String target, String time, String eventId) throws Exception {
        try (GatewayFixture api = GatewayFixture.echo()) {
            RawExchange.Answer answer = RawExchange.send(api.api.port(), "GET", target, local(api.api.port()), "");

            assertEquals(200, answer.status(), answer.body());
            JsonObject parameters =
                    JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonObject("pathParameters");
            assertEquals(time, parameters.get("time").getAsString());
            assertEquals(eventId, parameters.get("eventId").getAsString());
        }
    }

    @Test
    void anEncodedSlash_isASlashBeforeRouting_soNoRouteMatches() throws Exception {
        try (GatewayFixture api = GatewayFixture.echo()) {
            RawExchange.Answer answer = RawExchange.send(
                    api.api.port(), "GET", "/events/2024-06-01/10:00:02.000/a%2Fb", local(api.api.port()), "");

            assertEquals(404, answer.status(), answer.body());
            assertEquals("{\"message\":\"Not Found\"}", answer.body());
        }
    }

    @Test
    void throughServe_anEventIsReadAtItsPathDecodedOnce_neverTwice() throws Exception {
        try (GatewayFixture api = GatewayFixture.with(LocalRunner::handler)) {
            int port = api.api.port();
            assertEquals(
                    201,
                    api.post(
                                    "/events",
                                    "{\"date\":\"2024-06-01\",\"time\":\"10:00:02\",\"eventId\":\"a.b\","
                                            + "\"userId\":\"u\",\"eventType\":\"t\"}")
                            .statusCode());

            RawExchange.Answer once =
                    RawExchange.send(port, "GET", "/events/2024-06-01/10%3A00%3A02.000/a%2Eb", local(port), "");
            assertEquals(200, once.status(), once.body());
            assertTrue(once.body().contains("\"eventId\":\"a.b\""), once.body());

            assertRefusedNaming("time", port, "/events/2024-06-01/10%253A00%253A02.000/a.b");
            assertRefusedNaming("eventId", port, "/events/2024-06-01/10:00:02.000/a%252Eb");
            assertRefusedNaming("eventId", port, "/events/2024-06-01/10:00:02.000/%252e");
            assertRefusedNaming("eventId", port, "/events/2024-06-01/10:00:02.000/a%2525b");
            RawExchange.Answer plus = assertRefusedNaming("eventId", port, "/events/2024-06-01/10:00:02.000/a+b");
            assertTrue(plus.body().contains("U+002B"), "a plus stays a plus: " + plus.body());
        }
    }

    private static RawExchange.Answer assertRefusedNaming(String field, int port, String target) throws Exception {
        RawExchange.Answer answer = RawExchange.send(port, "GET", target, local(port), "");
        assertEquals(400, answer.status(), target + ": " + answer.body());
        assertTrue(answer.body().contains("\"field\":\"" + field + "\""), target + ": " + answer.body());
        return answer;
    }
}
