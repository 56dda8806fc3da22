package dev.eventlog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class JsonSyntaxMessageTest {

    private static String messageOf(Executable parse) {
        try {
            parse.execute();
        } catch (Throwable e) {
            return JsonSyntaxMessage.describe(e);
        }
        throw new AssertionError("parsed without failure");
    }

    @Test
    void aWrongTopLevelType_isSaidInPlainWords_withItsPosition() {
        String message = messageOf(() -> new Gson().fromJson("\"text\"", Map.class));
        assertEquals("expected an object but found a string at line 1, column 2", message);
    }

    @Test
    void aMissingColon_namesTheFieldAndPosition() {
        String message = messageOf(() -> new Gson().fromJson("{\"date\" 1}", JsonObject.class));
        assertEquals("':' is missing after a field name at line 1, column 10 (in 'date')", message);
    }

    @Test
    void malformedBodies_getMessagesWithoutJavaInternals() {
        for (String body : List.of(
                "{",
                "{\"userId\":\"u\",}",
                "{'userId':'u'}",
                "nul",
                "{\"a\" 1}",
                "{\"userId\":\"\\u12\"}",
                "{\"userId\":\"u\"",
                "[{\"userId\":1,]",
                "{\"userId\":tru}")) {
            ApiProblem problem = assertThrows(ApiProblem.class, () -> PostBody.read(body));
            assertEquals(ProblemType.INVALID_INPUT, problem.type());
            String detail = problem.getMessage();
            for (String internal : List.of(
                    "Exception", "java.", "gson", "JsonReader", "Strictness", "LENIENT", "BEGIN_", "http", "path $")) {
                assertFalse(detail.contains(internal), () -> body + " -> " + detail);
            }
            assertTrue(detail.contains("line 1") || detail.contains("ends before"), () -> body + " -> " + detail);
        }
    }

    @Test
    void tooDeepNesting_saysTheLimit() {
        String message = messageOf(() -> {
            try (var reader = JsonText.reader("[".repeat(JsonText.NESTING_LIMIT + 1))) {
                reader.skipValue();
            }
        });
        assertEquals("it is nested more than " + JsonText.NESTING_LIMIT + " levels deep", message);
    }

    @Test
    void anUnknownGsonMessage_isStillPlain() {
        assertEquals(
                "the JSON is malformed at line 2, column 3",
                JsonSyntaxMessage.describe(new JsonParseException("Something new at line 2 column 3 path $")));
    }
}
