package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pages of large events are cut to fit a Lambda response and continue with a token, losing and repeating nothing. */
class LargePagesTest {

    private static final int EVENTS = 100;

    @Test
    void pageOfLargeEvents_isCutShortAndContinued() {
        HandlerFixture api = new HandlerFixture();
        for (int i = 0; i < EVENTS; i++) {
            api.given(largeEvent(i));
        }

        Set<String> seen = new HashSet<>();
        int pages = 0;
        String query = "date=2024-05-01&limit=1000";
        String token = null;
        do {
            var response = api.handler.handleRequest(ApiEvents.listEvents(query + (token == null ? "" : "&nextToken=" + token)), null);
            assertTrue(response.getBody().getBytes(StandardCharsets.UTF_8).length <= PageBudget.MAX_BODY_BYTES, "page fits the budget");
            HttpReply page = HttpReply.of(response);
            assertEquals(200, page.status());
            for (JsonElement item : page.items()) {
                assertTrue(seen.add(item.getAsJsonObject().get("time").getAsString()), "no event twice");
            }
            token = page.body().has("NextToken") ? page.string("NextToken") : null;
            pages++;
        } while (token != null);

        assertEquals(EVENTS, seen.size());
        assertTrue(pages >= 2, "a 3 MB day does not fit one page");
    }

    /** About 33 kB: 32 attributes of 1024 characters. */
    private static String largeEvent(int index) {
        StringBuilder attributes = new StringBuilder();
        for (int a = 0; a < 32; a++) {
            attributes.append(a == 0 ? "" : ",").append("\"attribute").append(a).append("\":\"").append("v".repeat(1024)).append('"');
        }
        return "{\"date\":\"2024-05-01\",\"time\":\"" + String.format("10:%02d:%02d.000", index / 60, index % 60)
                + "\",\"userId\":\"u\",\"eventType\":\"t\",\"attributes\":{" + attributes + "}}";
    }
}
