package dev.eventlog.http;

import java.util.Optional;

/** The kinds of problem the API answers with; each has one status, a stable type URI and a title. */
public enum ProblemType {
    INVALID_INPUT(400, "invalid-input", "Invalid input"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "Conflict"),
    BODY_TOO_LARGE(413, "body-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    STORE_UNAVAILABLE(503, "store-unavailable", "Store unavailable"),
    INTERNAL_ERROR(500, "internal-error", "Internal error");

    /** Every type URI starts with this; docs/openapi.yaml documents each one. */
    public static final String URI_PREFIX = "urn:eventlog:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The type URI, e.g. {@code urn:eventlog:problem:invalid-input}. */
    public String uri() {
        return URI_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    /** The type with this URI, or empty for a URI this API does not answer with. */
    public static Optional<ProblemType> byUri(String uri) {
        for (ProblemType type : values()) {
            if (type.uri().equals(uri)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
