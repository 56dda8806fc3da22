package dev.eventlog.lambda;

import static dev.eventlog.lambda.HandlerFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The query parameters of SigV4 presigning ({@code X-Amz-Algorithm}, {@code X-Amz-Signature}...) belong to the
 * signature the gateway checked, not to the request the function serves: it ignores them, whether or not the
 * gateway passes them on.
 */
class PresignedQueryTest {

    private static final String PRESIGNING = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIDLOCAL%2F20240501%2Fus-east-1%2Fexecute-api%2Faws4_request"
            + "&X-Amz-Date=20240501T120000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host"
            + "&X-Amz-Security-Token=token%2Bwith%2Fsigns"
            + "&X-Amz-Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final HandlerFixture api = new HandlerFixture();

    @Test
    void aPresignedList_isAnsweredAsWithoutThem() {
        api.given(event("2024-05-01", "10:00:00", "u", "t"));

        HttpReply reply = api.list("date=2024-05-01&limit=5&" + PRESIGNING);

        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals(1, reply.body().get("Count").getAsInt());
    }

    @Test
    void aPresignedGetOfOneEvent_whoseRouteTakesNoParameters_isAnswered() {
        api.given(event("2024-05-01", "10:00:00", "user-1", "login"));

        HttpReply reply = api.call(ApiEvents.get(
                "GET /events/{date}/{time}/{eventId}",
                "/events/2024-05-01/10:00:00.000/" + HandlerFixture.USER_1_LOGIN_ID,
                PRESIGNING,
                Map.of("date", "2024-05-01", "time", "10:00:00.000", "eventId", HandlerFixture.USER_1_LOGIN_ID)));

        assertEquals(200, reply.status(), reply.body().toString());
    }

    @Test
    void otherUnknownParameters_areStillRefused() {
        HttpReply reply =
                api.list("date=2024-05-01&" + PRESIGNING + "&X-Other=1&amz=2").assertProblem(400);

        assertEquals(List.of("X-Other", "amz"), reply.errorFields());
    }
}
