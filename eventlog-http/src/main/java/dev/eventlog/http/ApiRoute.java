package dev.eventlog.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The routes of the HTTP API with the query parameters each accepts: the one route table. The function resolves
 * requests with it, the local gateway matches them as API Gateway does, the CDK construct deploys and grants
 * exactly these routes, a client builds its request paths from them, and docs/openapi.yaml is tested equal to it.
 */
public enum ApiRoute {
    LIST_EVENTS("GET", "/events", QueryParameters.OF_EVERY_LIST),
    RECORD_EVENTS("POST", "/events", List.of()),
    LIST_DAY("GET", "/events/{date}", QueryParameters.OF_A_PATH_LIST),
    /** The events of one millisecond, as a page: several distinct events may share it. */
    LIST_MILLISECOND("GET", "/events/{date}/{time}", QueryParameters.OF_A_PATH_LIST),
    GET_EVENT("GET", "/events/{date}/{time}/{eventId}", List.of());

    /** The path parameters' names, as the templates write them. */
    public static final String DATE = "date";

    public static final String TIME = "time";
    public static final String EVENT_ID = "eventId";

    private final String method;
    private final String pathTemplate;
    private final List<String> queryParameters;
    /** The template's segments after the leading slash: literals, and {@code {name}} for parameters. */
    private final List<String> segments;

    private final List<String> pathParameters;

    ApiRoute(String method, String pathTemplate, List<String> queryParameters) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.queryParameters = queryParameters;
        this.segments = List.of(pathTemplate.substring(1).split("/"));
        this.pathParameters = segments.stream()
                .filter(ApiRoute::isParameter)
                .map(segment -> segment.substring(1, segment.length() - 1))
                .toList();
    }

    /** The API Gateway route key, e.g. {@code GET /events/{date}}. */
    public String routeKey() {
        return method + " " + pathTemplate;
    }

    public String method() {
        return method;
    }

    /** The path template as API Gateway writes it, e.g. {@code /events/{date}}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    public List<String> queryParameters() {
        return queryParameters;
    }

    /** The names of the path's parameters, in path order. */
    public List<String> pathParameters() {
        return pathParameters;
    }

    /** The route with this route key, if it is one of the API's. */
    public static Optional<ApiRoute> byRouteKey(String routeKey) {
        for (ApiRoute route : values()) {
            if (route.routeKey().equals(routeKey)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /**
     * The route that {@code method} and a decoded path select, with its path parameters, matched as API Gateway
     * matches: the method and every literal segment exactly, one non-empty segment per parameter.
     */
    public static Optional<RouteMatch> match(String method, String decodedPath) {
        for (ApiRoute route : values()) {
            if (route.method.equals(method)) {
                Optional<Map<String, String>> parameters = route.parametersIn(decodedPath);
                if (parameters.isPresent()) {
                    return Optional.of(new RouteMatch(route, parameters.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The methods some route answers at a decoded path, in table order; empty when no route has this path. */
    public static List<String> methodsAt(String decodedPath) {
        List<String> methods = new ArrayList<>();
        for (ApiRoute route : values()) {
            if (route.parametersIn(decodedPath).isPresent() && !methods.contains(route.method)) {
                methods.add(route.method);
            }
        }
        return methods;
    }

    /** This route's path parameters in a decoded path, or empty when the path is not this route's. */
    Optional<Map<String, String>> parametersIn(String decodedPath) {
        if (decodedPath == null || !decodedPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = decodedPath.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            if (isParameter(segment)) {
                if (parts[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), parts[i]);
            } else if (!segment.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(Collections.unmodifiableMap(parameters));
    }

    /**
     * The path of a request on this route, its parameters given in path order and each percent-encoded as one
     * segment, e.g. {@code GET_EVENT.path("2024-05-01", "10:00:00.000", "a b")} is
     * {@code /events/2024-05-01/10:00:00.000/a%20b}.
     *
     * @throws IllegalArgumentException when the number of values is not the number of parameters, or one is empty
     */
    public String path(String... values) {
        if (values.length != pathParameters.size()) {
            throw new IllegalArgumentException(routeKey() + " has " + pathParameters.size() + " path parameters ("
                    + String.join(", ", pathParameters) + "), not " + values.length);
        }
        StringBuilder path = new StringBuilder();
        int next = 0;
        for (String segment : segments) {
            path.append('/');
            if (isParameter(segment)) {
                String value = Objects.requireNonNull(values[next], segment);
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("path parameter " + segment + " must not be empty");
                }
                path.append(PercentEncoding.pathSegment(value));
                next++;
            } else {
                path.append(segment);
            }
        }
        return path.toString();
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{");
    }
}
