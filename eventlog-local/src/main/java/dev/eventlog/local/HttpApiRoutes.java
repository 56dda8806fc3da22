package dev.eventlog.local;

import dev.eventlog.http.ApiRoute;
import dev.eventlog.http.RouteMatch;
import java.util.Optional;

/**
 * The routes of the deployed HTTP API, the {@link ApiRoute} table, matched as API Gateway matches them: method and
 * path exactly, one non-empty path segment per parameter. A known path with another method matches nothing, as
 * there. The path is decoded once, before it is split, as the HTTP API does: an encoded slash ({@code %2F})
 * separates segments like a slash, and each parameter is handed over as that one decoding left it, so
 * {@code %2525} arrives as {@code %25}.
 */
public final class HttpApiRoutes {

    private HttpApiRoutes() {}

    /** The route that {@code method} and {@code rawPath} (as sent) select, if any. */
    public static Optional<RouteMatch> match(String method, String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        return ApiRoute.match(method, RawQuery.path(rawPath));
    }
}
