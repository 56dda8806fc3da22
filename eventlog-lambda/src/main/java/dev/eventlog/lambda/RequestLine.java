package dev.eventlog.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * What identifies a request in the log and for routing, read defensively from a payload 2.0 event: any part
 * of the event may be missing when it was built by hand or by a test.
 */
record RequestLine(String requestId, String routeKey, String method, String path, String routePath) {

    static RequestLine of(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPEvent.RequestContext requestContext = event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = requestContext == null ? null : requestContext.getHttp();
        String requestId = context == null ? null : context.getAwsRequestId();
        if (requestId == null && requestContext != null) {
            requestId = requestContext.getRequestId();
        }
        String routeKey = event.getRouteKey();
        String method = http == null ? null : http.getMethod();
        if (method == null && routeKey != null && routeKey.indexOf(' ') > 0) {
            method = routeKey.substring(0, routeKey.indexOf(' '));
        }
        String path = event.getRawPath();
        if (path == null && http != null) {
            path = http.getPath();
        }
        String stage = requestContext == null ? null : requestContext.getStage();
        return new RequestLine(requestId, routeKey, method, path, withoutStage(path, stage));
    }

    /** On a named stage (not {@code $default}) API Gateway puts the stage's name in front of the path. */
    private static String withoutStage(String path, String stage) {
        if (path == null || stage == null || stage.isEmpty() || stage.equals("$default")) {
            return path;
        }
        String prefix = "/" + stage;
        if (path.startsWith(prefix + "/events")) {
            return path.substring(prefix.length());
        }
        return path;
    }
}
