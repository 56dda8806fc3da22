package dev.eventlog.http;

/** The media types of the API's bodies. */
public final class MediaTypes {

    /** Events, pages and batch outcomes. */
    public static final String JSON = "application/json";
    /** RFC 9457 problems: every error the function answers. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private MediaTypes() {}
}
