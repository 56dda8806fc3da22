package dev.eventlog.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.eventlog.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test factory for API Gateway HTTP API payload 2.0 events: recorded event files from src/test/resources/events,
 * read with the Lambda runtime's own serializer, and variations of them built the way API Gateway builds them.
 */
final class ApiEvents {

    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ApiEvents.class.getClassLoader());

    private ApiEvents() {}

    static APIGatewayV2HTTPEvent load(String name) {
        try (InputStream in = ApiEvents.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no event file " + name);
            }
            return SERIALIZER.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POST /events through its own route with the given body as text. */
    static APIGatewayV2HTTPEvent post(String body) {
        APIGatewayV2HTTPEvent event = load("post-event-iam.json");
        event.setBody(body);
        return event;
    }

    /**
     * POST /events with {@code json} gzip-compressed under {@code Content-Encoding: contentEncoding}, base64-encoded
     * as API Gateway hands over a binary body.
     */
    static APIGatewayV2HTTPEvent gzipPost(String json, String contentEncoding) {
        APIGatewayV2HTTPEvent event = load("post-event-iam.json");
        Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
        headers.put("content-encoding", contentEncoding);
        event.setHeaders(headers);
        event.setBody(Base64.getEncoder().encodeToString(RequestBody.gzip(json.getBytes(StandardCharsets.UTF_8))));
        event.setIsBase64Encoded(true);
        return event;
    }

    /** A request through the {@code $default} route, as API Gateway forwards any method and path to it. */
    static APIGatewayV2HTTPEvent viaDefaultRoute(String method, String rawPath, String rawQueryString, String body) {
        APIGatewayV2HTTPEvent event = load("default-route-get-event.json");
        event.setRawPath(rawPath);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(rawPath);
        withQuery(event, rawQueryString);
        event.setBody(body);
        return event;
    }

    /** A GET through one of the API's own routes, with path parameters as API Gateway passes them. */
    static APIGatewayV2HTTPEvent get(
            String routeKey, String rawPath, String rawQueryString, Map<String, String> pathParameters) {
        APIGatewayV2HTTPEvent event = load("get-events.json");
        event.setRouteKey(routeKey);
        event.getRequestContext().setRouteKey(routeKey);
        event.setRawPath(rawPath);
        event.getRequestContext().getHttp().setPath(rawPath);
        event.setPathParameters(pathParameters);
        withQuery(event, rawQueryString);
        return event;
    }

    static APIGatewayV2HTTPEvent listEvents(String rawQueryString) {
        return get("GET /events", "/events", rawQueryString, null);
    }

    /** Sets the raw query string and, as API Gateway does, the decoded parameters with repeats joined by commas. */
    static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, String rawQueryString) {
        event.setRawQueryString(rawQueryString == null ? "" : rawQueryString);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQueryString != null && !rawQueryString.isEmpty()) {
            for (String pair : rawQueryString.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
                parameters.merge(name, value, (a, b) -> a + "," + b);
            }
        }
        event.setQueryStringParameters(parameters.isEmpty() ? null : parameters);
        return event;
    }

    /** Decoded like a form value; text with a broken escape is passed on as it is. */
    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
