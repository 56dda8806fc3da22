package dev.eventlog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An RFC 9457 problem, as a client reads it: the type says which error, the field errors are kept. */
class ProblemJsonTest {

    @Test
    void aValidationProblem_keepsItsFieldErrors() {
        String text = ProblemJson.write(
                ProblemType.INVALID_INPUT,
                "2 fields are invalid",
                List.of(new FieldError("[0].date", "is required"), new FieldError("limit", "must be a number")));

        Problem problem = ProblemJson.read(text);

        assertEquals(Optional.of(ProblemType.INVALID_INPUT), problem.problemType());
        assertEquals(400, problem.status());
        assertEquals(
                List.of(new FieldError("[0].date", "is required"), new FieldError("limit", "must be a number")),
                problem.errors());
        assertEquals(
                "{\"type\":\"urn:eventlog:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"no event\"}",
                ProblemJson.write(ProblemType.NOT_FOUND, "no event", List.of()));
    }

    @Test
    void extensionMembers_areSkipped_andUnknownTypesKept() {
        Problem problem = ProblemJson.read(
                "{\"type\":\"https://example.com/other\",\"status\":429,\"instance\":\"/x\",\"retry\":{\"in\":1}}");

        assertEquals(Optional.empty(), problem.problemType());
        assertEquals("https://example.com/other", problem.type());
        assertEquals(List.of(), problem.errors());
    }

    @Test
    void aDocumentWithoutTypeOrStatus_isNoProblem() {
        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> ProblemJson.read("{\"message\":\"Not Found\"}"));

        assertEquals(
                List.of("type", "status"),
                refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void everyTypeHasItsOwnUri_andIsFoundByIt() {
        for (ProblemType type : ProblemType.values()) {
            assertEquals(Optional.of(type), ProblemType.byUri(type.uri()));
        }
    }
}
