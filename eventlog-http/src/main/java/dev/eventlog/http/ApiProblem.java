package dev.eventlog.http;

import dev.eventlog.core.domain.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A client error found at the HTTP edge (routing, body, query string), answered as problem+json
 * with the given status, optional field errors and extra headers such as {@code Allow}.
 */
public final class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ApiProblem(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(ProblemType.INVALID_INPUT, detail);
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(ProblemType.INVALID_INPUT, describe(errors), reported(errors), Map.of());
    }

    /** At most this many field errors are listed, so that no input can make an answer too large to send. */
    public static final int MAX_LISTED_ERRORS = 100;

    private static final int MAX_DESCRIBED_ERRORS = 5;

    public static List<FieldError> reported(List<FieldError> errors) {
        return errors.size() <= MAX_LISTED_ERRORS ? errors : errors.subList(0, MAX_LISTED_ERRORS);
    }

    /** A summary naming the first few errors; {@code errors} lists them (up to {@value #MAX_LISTED_ERRORS}). */
    public static String describe(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder(
                errors.size() == 1 ? "1 field is invalid: " : errors.size() + " fields are invalid: ");
        for (int i = 0; i < Math.min(errors.size(), MAX_DESCRIBED_ERRORS); i++) {
            if (i > 0) {
                detail.append("; ");
            }
            detail.append('\'')
                    .append(errors.get(i).field())
                    .append("' ")
                    .append(errors.get(i).message());
        }
        if (errors.size() > MAX_DESCRIBED_ERRORS) {
            detail.append("; and ")
                    .append(errors.size() - MAX_DESCRIBED_ERRORS)
                    .append(" more")
                    .append(
                            errors.size() > MAX_LISTED_ERRORS
                                    ? " (the first " + MAX_LISTED_ERRORS + " are listed in 'errors')"
                                    : " (see 'errors')");
        }
        return detail.toString();
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
