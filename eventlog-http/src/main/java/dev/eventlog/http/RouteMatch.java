package dev.eventlog.http;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The route a request resolved to, with its path parameters ({@code date}, {@code time}, {@code eventId}) as API
 * Gateway hands them over. The HTTP API decodes the path and its parameters before the function sees them, so they
 * are taken as they are: decoding them again would turn a {@code %2e} that arrives (sent as {@code %252e}) into a
 * dot, and a {@code %} into the start of an escape the client never wrote.
 */
public record RouteMatch(ApiRoute route, Map<String, String> pathParameters) {

    private static final String PATHS = paths();

    public RouteMatch {
        Objects.requireNonNull(route, "route");
        pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
    }

    /** The value of one path parameter, or null when the route has no such parameter. */
    public String parameter(String name) {
        return pathParameters.get(name);
    }

    /**
     * Resolves a request: by its route key when it names one of the API's routes and the gateway handed over that
     * route's path parameters, else (a {@code $default} or catch-all route) by method and path, which the HTTP API
     * also hands over decoded.
     *
     * @throws ApiProblem 404 for a path no route has, 405 (with {@code Allow}) for a known path with another method
     */
    public static RouteMatch resolve(
            String routeKey, String method, String decodedPath, Map<String, String> pathParameters) {
        Map<String, String> given = pathParameters == null ? Map.of() : pathParameters;
        ApiRoute byKey = ApiRoute.byRouteKey(routeKey).orElse(null);
        if (byKey != null && byKey.pathParameters().stream().allMatch(name -> given.get(name) != null)) {
            Map<String, String> parameters = new LinkedHashMap<>();
            byKey.pathParameters().forEach(name -> parameters.put(name, given.get(name)));
            return new RouteMatch(byKey, parameters);
        }
        return ApiRoute.match(method, decodedPath).orElseThrow(() -> unmatched(method, decodedPath));
    }

    private static ApiProblem unmatched(String method, String decodedPath) {
        List<String> allowed = ApiRoute.methodsAt(decodedPath);
        if (allowed.isEmpty()) {
            return new ApiProblem(ProblemType.NOT_FOUND, "no resource at this path; the API serves " + PATHS);
        }
        return new ApiProblem(
                ProblemType.METHOD_NOT_ALLOWED,
                "this path answers only " + String.join(" and ", allowed)
                        + (method == null ? "" : ", not " + shown(method)),
                List.of(),
                Map.of("Allow", String.join(", ", allowed)));
    }

    /** The paths the API serves, for a 404's detail: {@code /events, /events/{date}, ... and /events/...}. */
    private static String paths() {
        List<String> templates = Arrays.stream(ApiRoute.values())
                .map(ApiRoute::pathTemplate)
                .distinct()
                .toList();
        return String.join(", ", templates.subList(0, templates.size() - 1)) + " and "
                + templates.get(templates.size() - 1);
    }

    private static String shown(String method) {
        return method.length() > 16 ? method.substring(0, 16) + "..." : method;
    }
}
