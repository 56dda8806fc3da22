package dev.eventlog.local.reliability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.lambda.EventLogHandler;
import java.util.ArrayList;
import java.util.List;

/** Test harness: reads a whole day through the HTTP API, page after page, as a client following {@code NextToken} does. */
final class DayReads {

    private static final int PAGE = 1000;
    private static final int RETRIES = 10;

    private DayReads() {}

    /** Every event of the day, as {@code time#eventId}, in the order the pages gave them. */
    static List<String> readDay(EventLogHandler handler, String day) {
        List<String> events = new ArrayList<>();
        String token = null;
        do {
            String target = "/events/" + day + "?limit=" + PAGE + (token == null ? "" : "&nextToken=" + token);
            APIGatewayV2HTTPResponse response = get(handler, target);
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + target + " answered " + response.getStatusCode() + ": " + response.getBody());
            }
            JsonObject page = JsonParser.parseString(response.getBody()).getAsJsonObject();
            for (JsonElement item : page.getAsJsonArray("Items")) {
                JsonObject event = item.getAsJsonObject();
                events.add(event.get("time").getAsString() + "#"
                        + event.get("eventId").getAsString());
            }
            token = page.has("NextToken") ? page.get("NextToken").getAsString() : null;
        } while (token != null);
        return events;
    }

    /** A page, asked again after a 503 as its {@code Retry-After} invites: a store just relieved of load may be slow. */
    private static APIGatewayV2HTTPResponse get(EventLogHandler handler, String target) {
        APIGatewayV2HTTPResponse response = null;
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            response = handler.handleRequest(GatewayEvents.request("GET", target, (String) null), null);
            if (response.getStatusCode() != 503) {
                return response;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
        return response;
    }
}
