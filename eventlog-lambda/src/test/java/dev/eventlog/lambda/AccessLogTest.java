package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.google.gson.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One JSON line per request: who asked what, how it ended, how long it took, how many events; never a body. */
class AccessLogTest {

    private final HandlerFixture api = new HandlerFixture();

    @Test
    void eachRequest_writesOneStructuredLine() {
        api.call(ApiEvents.load("post-batch.json"));
        api.call(ApiEvents.load("get-events-by-date.json"));

        assertEquals(2, api.logLines().size());
        JsonObject post = api.logLines().get(0);
        assertEquals(
                Set.of("requestId", "routeKey", "method", "path", "status", "durationMs", "itemCount"), post.keySet());
        assertEquals(
                "Jd2mpgDoIAMEYbS=",
                post.get("requestId").getAsString(),
                "taken from the event when there is no context");
        assertEquals("POST /events", post.get("routeKey").getAsString());
        assertEquals("POST", post.get("method").getAsString());
        assertEquals("/events", post.get("path").getAsString());
        assertEquals(201, post.get("status").getAsInt());
        assertTrue(post.get("durationMs").getAsLong() >= 0);
        assertEquals(2, post.get("itemCount").getAsInt());
        assertEquals(0, api.logLines().get(1).get("itemCount").getAsInt(), "no events on that day yet");
    }

    @Test
    void bodies_neverReachTheLog() {
        api.post("{\"userId\":\"secret-user\",\"eventType\":\"t\",\"attributes\":{\"card\":\"4111\"}}");
        api.post("{\"userId\":\"secret-user\",\"bogus\":1}");

        String log = api.logLines().toString();
        assertFalse(log.contains("secret-user"));
        assertFalse(log.contains("4111"));
    }

    @Test
    void requestId_comesFromTheLambdaContextWhenThereIsOne() {
        Context context = mock(Context.class);
        when(context.getAwsRequestId()).thenReturn("c0ffee-1234");
        api.handler.handleRequest(ApiEvents.load("get-events.json"), context);

        assertEquals("c0ffee-1234", api.logLines().get(0).get("requestId").getAsString());
    }
}
