package dev.eventlog.lambda;

import java.util.List;
import java.util.Map;

/**
 * The route a request resolved to, with its path parameters ({@code date}, {@code time}, {@code eventId}) as API
 * Gateway hands them over. The HTTP API decodes the path and its parameters before the function sees them, so they
 * are taken as they are: decoding them again would turn a {@code %2e} that arrives (sent as {@code %252e}) into a
 * dot, and a {@code %} into the start of an escape the client never wrote.
 */
record RouteMatch(ApiRoute route, String date, String time, String eventId) {

    /** Path templates and the methods each serves, for 405 answers and their {@code Allow} header. */
    private static final Map<Integer, List<String>> METHODS_BY_SEGMENTS =
            Map.of(1, List.of("GET", "POST"), 2, List.of("GET"), 3, List.of("GET"), 4, List.of("GET"));

    private static final String PATHS =
            "/events, /events/{date}, /events/{date}/{time} and /events/{date}/{time}/{eventId}";

    /**
     * Resolves a request: by its route key when it names one of the API's routes, else (a {@code $default} or
     * catch-all route) by method and path, which the HTTP API also hands over decoded. Unknown paths are 404, known
     * paths with another method 405.
     */
    static RouteMatch resolve(String routeKey, String method, String path, Map<String, String> pathParameters) {
        ApiRoute byKey = ApiRoute.byRouteKey(routeKey);
        Map<String, String> parameters = pathParameters == null ? Map.of() : pathParameters;
        if (byKey != null && hasParameters(byKey, parameters)) {
            return new RouteMatch(byKey, parameters.get("date"), parameters.get("time"), parameters.get("eventId"));
        }
        return byPath(method, path);
    }

    private static boolean hasParameters(ApiRoute route, Map<String, String> pathParameters) {
        return switch (route) {
            case LIST_EVENTS, RECORD_EVENTS -> true;
            case LIST_DAY -> pathParameters.get("date") != null;
            case LIST_MILLISECOND -> pathParameters.get("date") != null && pathParameters.get("time") != null;
            case GET_EVENT ->
                pathParameters.get("date") != null
                        && pathParameters.get("time") != null
                        && pathParameters.get("eventId") != null;
        };
    }

    private static RouteMatch byPath(String method, String path) {
        if (path == null || !path.startsWith("/")) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "no resource at this path; the API serves " + PATHS);
        }
        String[] segments = path.substring(1).split("/", -1);
        boolean eventsPath = segments.length <= 4 && segments[0].equals("events");
        for (String segment : segments) {
            eventsPath &= !segment.isEmpty();
        }
        if (!eventsPath) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "no resource at this path; the API serves " + PATHS);
        }
        List<String> allowed = METHODS_BY_SEGMENTS.get(segments.length);
        if (method == null || !allowed.contains(method)) {
            throw new ApiProblem(
                    ProblemType.METHOD_NOT_ALLOWED,
                    "this path answers only " + String.join(" and ", allowed)
                            + (method == null ? "" : ", not " + shown(method)),
                    List.of(),
                    Map.of("Allow", String.join(", ", allowed)));
        }
        return switch (segments.length) {
            case 1 ->
                new RouteMatch(method.equals("GET") ? ApiRoute.LIST_EVENTS : ApiRoute.RECORD_EVENTS, null, null, null);
            case 2 -> new RouteMatch(ApiRoute.LIST_DAY, segments[1], null, null);
            case 3 -> new RouteMatch(ApiRoute.LIST_MILLISECOND, segments[1], segments[2], null);
            default -> new RouteMatch(ApiRoute.GET_EVENT, segments[1], segments[2], segments[3]);
        };
    }

    private static String shown(String method) {
        return method.length() > 16 ? method.substring(0, 16) + "..." : method;
    }
}
