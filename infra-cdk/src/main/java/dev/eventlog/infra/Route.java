package dev.eventlog.infra;

import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;

/** One route of the HTTP API contract: a method and a path, with {parameters} as API Gateway writes them. */
record Route(HttpMethod method, String path) {

    /**
     * The five routes of the API contract: {@code GET /events/{date}/{time}} lists the events of one millisecond,
     * {@code GET /events/{date}/{time}/{eventId}} reads the one event with that identity.
     */
    public static final List<Route> ALL = List.of(
            new Route(HttpMethod.GET, "/events"),
            new Route(HttpMethod.POST, "/events"),
            new Route(HttpMethod.GET, "/events/{date}"),
            new Route(HttpMethod.GET, "/events/{date}/{time}"),
            new Route(HttpMethod.GET, "/events/{date}/{time}/{eventId}"));

    /** The route key as API Gateway names it, e.g. {@code GET /events/{date}}. */
    public String routeKey() {
        return method.name() + " " + path;
    }

    /**
     * The path as it appears in an execute-api ARN: IAM sees the request's real path, so each path parameter can
     * only be matched by a wildcard segment.
     */
    public String arnPath() {
        return path.replaceAll("\\{[^/}]+}", "*");
    }
}
