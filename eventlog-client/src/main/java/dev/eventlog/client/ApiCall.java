package dev.eventlog.client;

import dev.eventlog.http.ApiRoute;

/**
 * One request to the API, before it is signed: the route (for messages), the method, the path with its query
 * string as written by the contract module, and the body (null for a GET).
 */
record ApiCall(ApiRoute route, String pathAndQuery, byte[] body) {

    static ApiCall get(ApiRoute route, String pathAndQuery) {
        return new ApiCall(route, pathAndQuery, null);
    }

    static ApiCall post(ApiRoute route, byte[] body) {
        return new ApiCall(route, route.pathTemplate(), body);
    }

    String method() {
        return route.method();
    }

    /** The route key with the path as sent, for messages: {@code GET /events?date=2024-05-01}. */
    String describe() {
        return route.method() + " " + pathAndQuery;
    }
}
