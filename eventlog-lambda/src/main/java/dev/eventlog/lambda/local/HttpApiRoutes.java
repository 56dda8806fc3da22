package dev.eventlog.lambda.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of the deployed HTTP API, matched as API Gateway matches them: method and path exactly, one
 * non-empty path segment per parameter. A known path with another method matches nothing, as there.
 */
public final class HttpApiRoutes {

    /** A matched route: its route key and its path parameters (decoded). */
    public record Match(String routeKey, Map<String, String> pathParameters) {
    }

    private record Route(String method, List<String> segments) {

        String routeKey() {
            return method + " /" + String.join("/", segments);
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", List.of("events")),
            new Route("POST", List.of("events")),
            new Route("GET", List.of("events", "{date}")),
            new Route("GET", List.of("events", "{date}", "{time}")));

    private HttpApiRoutes() {
    }

    /** The route that {@code method} and {@code rawPath} select, if any. */
    public static Optional<Match> match(String method, String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (Route route : ROUTES) {
            if (!route.method().equals(method) || route.segments().size() != segments.length) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < segments.length && matches; i++) {
                String pattern = route.segments().get(i);
                if (pattern.startsWith("{")) {
                    matches = !segments[i].isEmpty();
                    parameters.put(pattern.substring(1, pattern.length() - 1), QueryString.percentDecode(segments[i]));
                } else {
                    matches = pattern.equals(segments[i]);
                }
            }
            if (matches) {
                return Optional.of(new Match(route.routeKey(), parameters));
            }
        }
        return Optional.empty();
    }
}
