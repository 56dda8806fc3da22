package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.eventlog.http.RouteMatch;
import dev.eventlog.local.auth.CallerIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the payload format 2.0 event API Gateway hands to a Lambda proxy integration: lower-cased header names,
 * repeated headers and query parameters joined by commas, cookies apart, the route key and path parameters of
 * the matched route, the request context, and a base64 body unless the content type is textual and the body has
 * no content coding. Like the
 * HTTP API (and unlike REST APIs), it hands over {@code rawPath} and the path parameters percent-decoded.
 */
public final class PayloadV2EventBuilder {

    /** The request time format of {@code requestContext.time} and of the access log. */
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");

    public static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static final String API_ID = "local";
    static final String ACCOUNT_ID = "000000000000";

    private PayloadV2EventBuilder() {}

    /** The event for {@code request} on {@code route}; {@code caller} is present when the request was signed. */
    public static APIGatewayV2HTTPEvent build(
            GatewayRequest request,
            RouteMatch route,
            String requestId,
            Instant receivedAt,
            int localPort,
            Optional<CallerIdentity> caller) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            if (name.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.put(name, String.join(",", values));
            }
        });
        headers.put("x-forwarded-for", request.sourceIp());
        headers.put("x-forwarded-port", Integer.toString(localPort));
        headers.put("x-forwarded-proto", "http");
        headers.put(
                "x-amzn-trace-id",
                "Root=1-" + Long.toHexString(receivedAt.getEpochSecond()) + "-"
                        + NOT_ALPHANUMERIC.matcher(requestId).replaceAll("").toLowerCase(Locale.ROOT));

        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : RawQuery.parameters(request.rawQuery())) {
            query.merge(pair.getKey(), pair.getValue(), (a, b) -> a + "," + b);
        }

        String decodedPath = RawQuery.path(request.rawPath());
        String host = request.header("host").orElse("localhost");
        String domainName = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = caller.map(
                        c -> APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withIam(c.toIam())
                                .build())
                .orElse(null);
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(ACCOUNT_ID)
                .withApiId(API_ID)
                .withDomainName(domainName)
                .withDomainPrefix(
                        domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName)
                .withRequestId(requestId)
                .withRouteKey(route.route().routeKey())
                .withStage("$default")
                .withTime(REQUEST_TIME.format(receivedAt))
                .withTimeEpoch(receivedAt.toEpochMilli())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(request.method())
                        .withPath(decodedPath)
                        .withProtocol(request.protocol())
                        .withSourceIp(request.sourceIp())
                        .withUserAgent(request.header("user-agent").orElse(""))
                        .build())
                .withAuthorizer(authorizer)
                .build();

        boolean hasBody = request.body().length > 0;
        boolean text = isTextual(request.header("content-type").orElse(""))
                && !isCompressed(request.header("content-encoding").orElse(""));
        String body = !hasBody
                ? null
                : text
                        ? new String(request.body(), StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(request.body());
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.route().routeKey())
                .withRawPath(decodedPath)
                .withRawQueryString(request.rawQuery())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(route.pathParameters().isEmpty() ? null : route.pathParameters())
                .withRequestContext(context)
                .withBody(body)
                .withIsBase64Encoded(hasBody && !text)
                .build();
    }

    /**
     * A body with a content coding (such as {@code Content-Encoding: gzip}) is bytes, whatever its media type: its
     * text would not survive being handed over as UTF-8. So it is handed over base64-encoded, as API Gateway hands
     * over binary bodies, and the function inflates it.
     */
    static boolean isCompressed(String contentEncoding) {
        for (String coding : contentEncoding.split(",")) {
            String name = coding.trim();
            if (!name.isEmpty() && !name.equalsIgnoreCase("identity")) {
                return true;
            }
        }
        return false;
    }

    // API Gateway passes these media types through as text and base64-encodes everything else, including
    // requests without a Content-Type.
    static boolean isTextual(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.endsWith("+json")
                || type.equals("application/xml")
                || type.endsWith("+xml")
                || type.equals("application/javascript");
    }
}
