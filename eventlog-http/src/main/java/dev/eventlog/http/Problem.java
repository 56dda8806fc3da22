package dev.eventlog.http;

import dev.eventlog.core.domain.FieldError;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 9457 problem as a client reads it: {@code type}, {@code title}, {@code status}, {@code detail}, and the
 * field errors of {@code errors} (empty when there are none).
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public Problem {
        errors = List.copyOf(errors);
    }

    /** The kind of problem, when its type is one this API answers with. */
    public Optional<ProblemType> problemType() {
        return ProblemType.byUri(type);
    }
}
