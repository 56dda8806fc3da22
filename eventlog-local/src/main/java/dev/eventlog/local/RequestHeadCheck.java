package dev.eventlog.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What API Gateway refuses before it routes a request, and the JDK's HTTP server lets through: an HTTP version
 * other than 1.0 or 1.1, a request target that is not printable ASCII, and a request line plus header values
 * over the HTTP API's 10,240-byte quota.
 */
final class RequestHeadCheck {

    /** The HTTP API quota "total combined size of request line and header values". */
    static final int MAX_REQUEST_LINE_AND_HEADER_VALUES = 10_240;

    private RequestHeadCheck() {}

    /** The gateway's answer to a request it refuses. */
    record Refusal(int status, String message, String responseType) {}

    /** The refusal for this request head, or empty when it may go on to routing. */
    static Optional<Refusal> check(
            String method, String rawTarget, String protocol, Map<String, List<String>> headers) {
        if (!"HTTP/1.1".equals(protocol) && !"HTTP/1.0".equals(protocol)) {
            return Optional.of(new Refusal(400, "Bad Request", "BAD_REQUEST"));
        }
        for (int i = 0; i < rawTarget.length(); i++) {
            char c = rawTarget.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                // Bytes outside printable ASCII must be percent-encoded in a request target (RFC 9112).
                return Optional.of(new Refusal(400, "Bad Request", "BAD_REQUEST"));
            }
        }
        long size = (long) method.length() + 1 + rawTarget.length() + 1 + protocol.length();
        for (List<String> values : headers.values()) {
            for (String value : values) {
                size += value.length();
            }
        }
        if (size > MAX_REQUEST_LINE_AND_HEADER_VALUES) {
            return Optional.of(new Refusal(431, "Request Header Fields Too Large", "REQUEST_TOO_LARGE"));
        }
        return Optional.empty();
    }
}
