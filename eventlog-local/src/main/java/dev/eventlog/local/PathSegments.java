package dev.eventlog.local;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses request paths with dot segments ({@code .}, {@code ..}, also percent-encoded) or empty segments
 * ({@code //}) before routing and authorization.
 *
 * <p>SigV4 signs a normalized path, so without this a signature made for {@code /events/2024-01-01} would also
 * verify {@code /events/./2024-01-01} or {@code /events/x/../2024-01-01}, which other layers may read as another
 * path. A single trailing empty segment ({@code /events/}) is left to routing, which answers 404 as API Gateway.
 */
final class PathSegments {

    private static final Set<String> DOT_SEGMENTS = Set.of(".", "..", "%2e", ".%2e", "%2e.", "%2e%2e");

    private PathSegments() {}

    /** What is wrong with {@code rawPath} (as sent, before decoding), or empty when it may be routed. */
    static Optional<String> problem(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (DOT_SEGMENTS.contains(segments[i].toLowerCase(Locale.ROOT))) {
                return Optional.of("the path has a '" + segments[i] + "' segment; send the path without '.' or"
                        + " '..' segments");
            }
            if (segments[i].isEmpty() && i < segments.length - 1) {
                return Optional.of("the path has an empty segment ('//'); send the path without repeated slashes");
            }
        }
        return Optional.empty();
    }

    /** The gateway's refusal of such a path. */
    static Optional<RequestHeadCheck.Refusal> check(String rawPath) {
        return problem(rawPath)
                .map(message -> new RequestHeadCheck.Refusal(400, "Bad Request: " + message, "BAD_REQUEST"));
    }
}
