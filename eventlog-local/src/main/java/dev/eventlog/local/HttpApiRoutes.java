package dev.eventlog.local;

import dev.eventlog.lambda.ApiRoute;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of the deployed HTTP API, taken from the handler's {@link ApiRoute} table and matched as API Gateway
 * matches them: method and path exactly, one non-empty path segment per parameter. A known path with another
 * method matches nothing, as there. The path is decoded once, before it is split, as the HTTP API does: an encoded
 * slash ({@code %2F}) separates segments like a slash, and each parameter is handed over as that one decoding left
 * it, so {@code %2525} arrives as {@code %25}.
 */
public final class HttpApiRoutes {

    /** A matched route: its route key and its path parameters (decoded once). */
    public record Match(String routeKey, Map<String, String> pathParameters) {}

    /** Each route's path template, split into segments once. */
    private static final Map<ApiRoute, List<String>> TEMPLATES = templates();

    private HttpApiRoutes() {}

    private static Map<ApiRoute, List<String>> templates() {
        Map<ApiRoute, List<String>> templates = new EnumMap<>(ApiRoute.class);
        for (ApiRoute route : ApiRoute.values()) {
            templates.put(route, List.of(route.path().substring(1).split("/")));
        }
        return templates;
    }

    /** The route that {@code method} and {@code rawPath} select, if any. */
    public static Optional<Match> match(String method, String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = RawQuery.path(rawPath).substring(1).split("/", -1);
        for (ApiRoute route : ApiRoute.values()) {
            List<String> pattern = TEMPLATES.get(route);
            if (!route.method().equals(method) || pattern.size() != segments.length) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < segments.length && matches; i++) {
                String part = pattern.get(i);
                if (part.startsWith("{")) {
                    matches = !segments[i].isEmpty();
                    parameters.put(part.substring(1, part.length() - 1), segments[i]);
                } else {
                    matches = part.equals(segments[i]);
                }
            }
            if (matches) {
                return Optional.of(new Match(route.routeKey(), parameters));
            }
        }
        return Optional.empty();
    }
}
