package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Locale;
import java.util.Map;

/** Test harness: the checks every error answer must pass, an RFC 9457 problem that says what was wrong. */
final class ProblemResponses {

    private ProblemResponses() {}

    /** Asserts a 4xx problem+json with a status matching the response's and a non-empty title and detail. */
    static JsonObject assertClientProblem(int status, Map<String, String> headers, String body, String context) {
        assertTrue(status >= 400 && status < 500, context + ": expected a 4xx, got " + status + " " + body);
        assertNotNull(body, context + ": an error must carry a body");
        String contentType = header(headers, "content-type");
        assertNotNull(contentType, context + ": an error must say its content type");
        assertTrue(
                contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json"),
                context + ": expected problem+json, got " + contentType);
        JsonElement parsed = JsonParser.parseString(body);
        assertTrue(parsed.isJsonObject(), context + ": a problem is a JSON object: " + body);
        JsonObject problem = parsed.getAsJsonObject();
        assertEquals(status, problem.get("status").getAsInt(), context + ": problem status " + body);
        assertFalse(problem.get("title").getAsString().isBlank(), context + ": problem title " + body);
        assertFalse(problem.get("detail").getAsString().isBlank(), context + ": problem detail " + body);
        assertFalse(body.contains("\tat "), context + ": no stack trace: " + body);
        return problem;
    }

    static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
