package dev.eventlog.infra;

import dev.eventlog.http.ApiRoute;
import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;

/** One route of the HTTP API as the CDK declares it: a route of the contract's table, with its CDK method. */
record Route(ApiRoute route) {

    /** Every route of the API contract, from its one route table. */
    public static final List<Route> ALL =
            Arrays.stream(ApiRoute.values()).map(Route::new).toList();

    public HttpMethod method() {
        return HttpMethod.valueOf(route.method());
    }

    /** The path as API Gateway writes it, with {parameters}. */
    public String path() {
        return route.pathTemplate();
    }

    /** The route key as API Gateway names it, e.g. {@code GET /events/{date}}. */
    public String routeKey() {
        return route.routeKey();
    }

    /**
     * The path as it appears in an execute-api ARN: IAM sees the request's real path, so each path parameter can
     * only be matched by a wildcard segment.
     */
    public String arnPath() {
        return path().replaceAll("\\{[^/}]+}", "*");
    }
}
