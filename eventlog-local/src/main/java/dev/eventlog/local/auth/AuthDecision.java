package dev.eventlog.local.auth;

/** What SigV4 verification concluded about one request: a verified caller, or a 403 in API Gateway's words. */
public sealed interface AuthDecision {

    /** The signature is valid; the request runs as this caller. */
    record Allowed(CallerIdentity caller) implements AuthDecision {}

    /**
     * The request is refused with 403. {@code message} is the body's message, {@code errorType} the
     * {@code x-amzn-ErrorType} header and {@code responseType} the access log's {@code errorResponseType}.
     */
    record Denied(String message, String errorType, String responseType) implements AuthDecision {}
}
