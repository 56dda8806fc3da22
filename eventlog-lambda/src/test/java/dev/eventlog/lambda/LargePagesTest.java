package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pages of large events are cut to fit a Lambda response and continue with a token, losing and repeating nothing.
 * The limits are written here as the documents state them, not taken from the code under test.
 */
class LargePagesTest {

    private static final int EVENTS = 100;
    /** The README's page budget: a page's body stays within 2 MiB. */
    private static final int DOCUMENTED_BODY_BYTES = 2 * 1024 * 1024;
    /**
     * Lambda's limit for a synchronous invocation's response payload, "6 MB" in its quotas; the smaller reading,
     * 6,000,000 bytes, so the check holds whichever megabyte is meant.
     */
    private static final int LAMBDA_RESPONSE_BYTES = 6_000_000;

    @Test
    void pageOfLargeEvents_isCutShortAndContinued() {
        assertPagesFitAndLoseNothing(attributeValue -> "v".repeat(1024));
    }

    @Test
    void pageOfEventsFullOfCharactersThatJsonEscapes_fitsTheLambdaResponseLimitSerializedWhole() {
        // A quote and a backslash take two bytes in the body and four once the body is itself a JSON string in the
        // response Lambda sends: the worst growth a body can see between the two limits.
        assertPagesFitAndLoseNothing(attributeValue -> "\\\"\\\\".repeat(512));
    }

    private void assertPagesFitAndLoseNothing(java.util.function.IntFunction<String> attributeValue) {
        HandlerFixture api = new HandlerFixture();
        for (int i = 0; i < EVENTS; i++) {
            api.given(largeEvent(i, attributeValue));
        }

        Set<String> seen = new HashSet<>();
        int pages = 0;
        String query = "date=2024-05-01&limit=1000";
        String token = null;
        do {
            var response = api.handler.handleRequest(
                    ApiEvents.listEvents(query + (token == null ? "" : "&nextToken=" + token)), null);
            int bodyBytes = response.getBody().getBytes(StandardCharsets.UTF_8).length;
            int responseBytes = new Gson().toJson(response).getBytes(StandardCharsets.UTF_8).length;
            assertTrue(
                    bodyBytes <= DOCUMENTED_BODY_BYTES, "body of " + bodyBytes + " bytes within the documented 2 MiB");
            assertTrue(
                    responseBytes <= LAMBDA_RESPONSE_BYTES,
                    "whole response of " + responseBytes + " bytes within Lambda's 6 MB");
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

    /** About 33 kB of JSON: 32 attributes with the given values (1024 characters, escaped as JSON text). */
    private static String largeEvent(int index, java.util.function.IntFunction<String> attributeValue) {
        StringBuilder attributes = new StringBuilder();
        for (int a = 0; a < 32; a++) {
            attributes
                    .append(a == 0 ? "" : ",")
                    .append("\"attribute")
                    .append(a)
                    .append("\":\"")
                    .append(attributeValue.apply(a))
                    .append('"');
        }
        return "{\"date\":\"2024-05-01\",\"time\":\"" + String.format("10:%02d:%02d.000", index / 60, index % 60)
                + "\",\"userId\":\"u\",\"eventType\":\"t\",\"attributes\":{" + attributes + "}}";
    }
}
