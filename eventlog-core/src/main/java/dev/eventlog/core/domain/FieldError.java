package dev.eventlog.core.domain;

import java.util.Objects;

/** One rule broken by one field of the input: the field's name (with its index in a batch) and why. */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same error, reported under a prefix such as {@code [3].} for the fourth event of a batch. */
    public FieldError prefixed(String prefix) {
        return new FieldError(prefix + field, message);
    }
}
