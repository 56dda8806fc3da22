package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A handler response as a test reads it: status, headers and the body parsed as JSON. */
record HttpReply(int status, Map<String, String> headers, JsonObject body) {

    private static final Set<String> PROBLEM_MEMBERS = Set.of("type", "title", "status", "detail", "errors");

    static HttpReply of(APIGatewayV2HTTPResponse response) {
        assertNotNull(response.getHeaders(), "every response has headers");
        String contentType = response.getHeaders().get("Content-Type");
        assertTrue(
                "application/json".equals(contentType) || "application/problem+json".equals(contentType),
                () -> "every response says its content type: " + response.getHeaders());
        assertTrue(
                response.getHeaders().keySet().stream()
                        .noneMatch(h -> h.toLowerCase().startsWith("access-control-")),
                () -> "CORS belongs to the gateway: " + response.getHeaders());
        JsonElement json = JsonParser.parseString(response.getBody());
        assertTrue(json.isJsonObject(), "every body is a JSON object: " + response.getBody());
        return new HttpReply(response.getStatusCode(), response.getHeaders(), json.getAsJsonObject());
    }

    String header(String name) {
        return headers.get(name);
    }

    String string(String member) {
        return body.get(member).getAsString();
    }

    JsonArray items() {
        return body.getAsJsonArray("Items");
    }

    /** The field names of a problem's {@code errors}, in order. */
    List<String> errorFields() {
        List<String> fields = new ArrayList<>();
        if (body.has("errors")) {
            body.getAsJsonArray("errors")
                    .forEach(e -> fields.add(e.getAsJsonObject().get("field").getAsString()));
        }
        return fields;
    }

    String errorMessage(String field) {
        for (JsonElement e : body.getAsJsonArray("errors")) {
            if (e.getAsJsonObject().get("field").getAsString().equals(field)) {
                return e.getAsJsonObject().get("message").getAsString();
            }
        }
        throw new AssertionError("no error for field " + field + " in " + body);
    }

    /** Asserts this is a well-formed RFC 9457 problem with the given status, and returns it. */
    HttpReply assertProblem(int expectedStatus) {
        assertEquals(expectedStatus, status, () -> "status of " + body);
        assertProblemShape();
        return this;
    }

    /** Asserts the RFC 9457 shape the API promises for every error, whatever its status. */
    void assertProblemShape() {
        assertEquals("application/problem+json", headers.get("Content-Type"));
        assertTrue(PROBLEM_MEMBERS.containsAll(body.keySet()), () -> "only problem members: " + body.keySet());
        assertTrue(body.get("type").getAsString().startsWith("urn:eventlog:problem:"), () -> "type: " + body);
        assertTrue(!body.get("title").getAsString().isEmpty(), "a title");
        assertEquals(status, body.get("status").getAsInt(), "status member equals the HTTP status");
        assertTrue(!body.get("detail").getAsString().isEmpty(), "a detail");
        if (body.has("errors")) {
            JsonArray errors = body.getAsJsonArray("errors");
            assertTrue(errors.size() > 0, "errors, when present, is not empty");
            for (JsonElement error : errors) {
                JsonObject e = error.getAsJsonObject();
                assertEquals(Set.of("field", "message"), e.keySet());
                assertTrue(e.get("field").isJsonPrimitive() && e.get("message").isJsonPrimitive());
            }
        }
    }
}
