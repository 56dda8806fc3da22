package dev.eventlog.bench.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Payload 2.0 events as API Gateway builds them for the routes the benchmarks call. */
public final class ApiRequests {

    private ApiRequests() {
    }

    public static APIGatewayV2HTTPEvent post(String body) {
        return request("POST", "/events", "", body);
    }

    /** A GET; {@code query} is a raw query string of plain (unescaped) values, or empty. */
    public static APIGatewayV2HTTPEvent get(String path, String query) {
        return request("GET", path, query, null);
    }

    private static APIGatewayV2HTTPEvent request(String method, String path, String query, String body) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("127.0.0.1");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRequestId("bench");
        context.setStage("$default");
        context.setRouteKey("$default");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("$default");
        event.setRawPath(path);
        event.setRawQueryString(query);
        if (!query.isEmpty()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            event.setQueryStringParameters(parameters);
        }
        event.setHeaders(Map.of("content-type", "application/json", "host", "127.0.0.1"));
        event.setRequestContext(context);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }
}
