package dev.eventlog.core.domain;

import java.util.List;
import java.util.stream.Collectors;

/** Input broke one or more rules; carries every broken rule, not just the first. */
public final class InvalidInputException extends EventLogException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> "'" + e.field() + "' " + e.message()).collect(Collectors.joining("; "));
    }
}
