package dev.eventlog.lambda;

import java.util.List;

/**
 * The routes of the HTTP API, named by their API Gateway route keys, with the query parameters each accepts: the
 * one route table. The local gateway derives its routes from it, and the CDK app's routes and the OpenAPI
 * document are tested equal to it.
 */
public enum ApiRoute {
    LIST_EVENTS("GET /events", List.of("date", "from", "to", "userId", "eventType", "order", "limit", "nextToken")),
    RECORD_EVENTS("POST /events", List.of()),
    LIST_DAY("GET /events/{date}", List.of("userId", "eventType", "order", "limit", "nextToken")),
    /** The events of one millisecond, as a page: several distinct events may share it. */
    LIST_MILLISECOND("GET /events/{date}/{time}", List.of("userId", "eventType", "order", "limit", "nextToken")),
    GET_EVENT("GET /events/{date}/{time}/{eventId}", List.of());

    private final String routeKey;
    private final List<String> queryParameters;

    ApiRoute(String routeKey, List<String> queryParameters) {
        this.routeKey = routeKey;
        this.queryParameters = queryParameters;
    }

    /** The API Gateway route key, e.g. {@code GET /events/{date}}. */
    public String routeKey() {
        return routeKey;
    }

    public String method() {
        return routeKey.substring(0, routeKey.indexOf(' '));
    }

    /** The path template, e.g. {@code /events/{date}}. */
    public String path() {
        return routeKey.substring(routeKey.indexOf(' ') + 1);
    }

    public List<String> queryParameters() {
        return queryParameters;
    }

    /** The route with this route key, or null. */
    public static ApiRoute byRouteKey(String routeKey) {
        for (ApiRoute route : values()) {
            if (route.routeKey.equals(routeKey)) {
                return route;
            }
        }
        return null;
    }
}
