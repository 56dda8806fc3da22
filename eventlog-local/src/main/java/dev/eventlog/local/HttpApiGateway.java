package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.eventlog.http.JsonText;
import dev.eventlog.http.RouteMatch;
import dev.eventlog.local.auth.AuthDecision;
import dev.eventlog.local.auth.CallerIdentity;
import dev.eventlog.local.auth.SigV4Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local stand-in for the HTTP API's {@code $default} stage: the local-safety checks of {@code Host} and path,
 * CORS preflight, payload limit, the refusal of other sites' pages without IAM, route matching,
 * IAM (SigV4) authorization, the payload 2.0 event, the Lambda proxy response mapped back to HTTP, and one
 * access-log line per request. It runs any payload 2.0 handler.
 */
public final class HttpApiGateway implements HttpHandler {

    /** API Gateway's request payload limit. */
    public static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private static final Set<String> HEADERS_THE_GATEWAY_OWNS =
            Set.of("content-length", "transfer-encoding", "connection", "date");

    private final FunctionInvoker function;
    private final CorsPolicy cors;
    private final HostCheck hosts;
    private final Optional<SigV4Verifier> iam;
    private final AccessLogWriter accessLog;
    private final Clock clock;

    /**
     * A gateway in front of {@code handler}, whose invocations are stopped after {@code functionTimeout} (the
     * deployed function's is {@link dev.eventlog.dynamodb.StoreCallTimeouts#FUNCTION_TIMEOUT}); what the function
     * logs about its invocations goes to {@code functionLog}.
     */
    public HttpApiGateway(
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
            Duration functionTimeout,
            PrintStream functionLog,
            CorsPolicy cors,
            HostCheck hosts,
            Optional<SigV4Verifier> iam,
            AccessLogWriter accessLog,
            Clock clock) {
        this.function = new FunctionInvoker(handler, functionTimeout, functionLog);
        this.cors = cors;
        this.hosts = hosts;
        this.iam = iam;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant receivedAt = clock.instant();
        String requestId = RequestIds.next();
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        Reply reply;
        GatewayRequest request = null;
        AtomicReference<CallerIdentity> caller = new AtomicReference<>();
        try {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.computeIfAbsent(
                                    name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                            .addAll(values));
            int localPort = exchange.getLocalAddress().getPort();
            Optional<RequestHeadCheck.Refusal> refusal = RequestHeadCheck.check(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().toString(),
                            exchange.getProtocol(),
                            headers)
                    .or(() -> hosts.check(headers.getOrDefault("host", List.of()), localPort))
                    .or(() -> PathSegments.check(pathAsSent(exchange)));
            if (refusal.isPresent()) {
                reply = Reply.gatewayError(
                        refusal.get().status(),
                        refusal.get().message(),
                        refusal.get().responseType(),
                        "-");
            } else {
                Optional<byte[]> body = readBody(exchange.getRequestBody());
                request = new GatewayRequest(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(),
                        headers,
                        body.orElse(new byte[0]),
                        sourceIp,
                        exchange.getProtocol());
                reply = body.isEmpty()
                        ? Reply.gatewayError(413, "Request Entity Too Large", "REQUEST_TOO_LARGE", "-")
                        : dispatch(request, requestId, receivedAt, localPort, caller);
            }
        } catch (IOException e) {
            reply = Reply.gatewayError(400, "Bad Request", "BAD_REQUEST_BODY", "-");
        } catch (RuntimeException e) {
            System.err.println("Gateway failed on request " + requestId + ": " + e);
            reply = Reply.gatewayError(500, "Internal Server Error", "INTEGRATION_FAILURE", "-");
        }
        if (request != null && !reply.isPreflight()) {
            cors.responseHeaders(request).forEach(reply::header);
        }
        reply.header("apigw-requestid", requestId);
        // Logged before the bytes go out, so a client that has its answer can already read the line.
        accessLog.write(new AccessLogEntry(
                requestId,
                sourceIp,
                PayloadV2EventBuilder.REQUEST_TIME.format(receivedAt),
                exchange.getRequestMethod(),
                reply.routeKey(),
                reply.status(),
                exchange.getProtocol(),
                reply.body().length,
                reply.errorMessage(),
                reply.errorResponseType(),
                null,
                reply.integrationError(),
                caller.get() == null ? null : caller.get().userArn(),
                caller.get() == null ? null : caller.get().accountId()));
        send(exchange, reply);
    }

    /** Serves one request; a verified IAM caller is handed to {@code verifiedCaller} for the access log. */
    private Reply dispatch(
            GatewayRequest request,
            String requestId,
            Instant receivedAt,
            int localPort,
            AtomicReference<CallerIdentity> verifiedCaller) {
        if (cors.isPreflight(request)) {
            Reply reply = Reply.forPreflight();
            cors.preflightHeaders(request).forEach(reply::header);
            return reply;
        }
        if (iam.isEmpty()) {
            Optional<RequestHeadCheck.Refusal> crossSite = CrossSiteCheck.check(request, cors);
            if (crossSite.isPresent()) {
                return Reply.gatewayError(
                        crossSite.get().status(),
                        crossSite.get().message(),
                        crossSite.get().responseType(),
                        "-");
            }
        }
        Optional<RouteMatch> route = HttpApiRoutes.match(request.method(), request.rawPath());
        if (route.isEmpty()) {
            return Reply.gatewayError(404, "Not Found", "RESOURCE_NOT_FOUND", "-");
        }
        String routeKey = route.get().route().routeKey();
        Optional<CallerIdentity> caller = Optional.empty();
        if (iam.isPresent()) {
            AuthDecision decision = iam.get().verify(request);
            if (decision instanceof AuthDecision.Denied denied) {
                Reply reply = Reply.gatewayError(403, denied.message(), denied.responseType(), routeKey);
                reply.header("x-amzn-ErrorType", denied.errorType());
                return reply;
            }
            caller = Optional.of(((AuthDecision.Allowed) decision).caller());
            verifiedCaller.set(caller.get());
        }
        APIGatewayV2HTTPEvent event =
                PayloadV2EventBuilder.build(request, route.get(), requestId, receivedAt, localPort, caller);
        APIGatewayV2HTTPResponse response;
        try {
            response = function.invoke(event, requestId);
        } catch (FunctionInvoker.Failed e) {
            return Reply.integrationError(routeKey, "The Lambda function returned an error: " + e.getMessage());
        }
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            return Reply.integrationError(routeKey, "The Lambda function returned an invalid response");
        }
        return Reply.fromHandler(response, routeKey);
    }

    /** Stops the function's invocation threads, once the server takes no more requests. */
    void close() {
        function.close();
    }

    // The target as sent: java.net.URI reads "//events" as an authority and an empty path.
    private static String pathAsSent(HttpExchange exchange) {
        String target = exchange.getRequestURI().toString();
        if (!target.startsWith("/")) {
            return String.valueOf(exchange.getRequestURI().getRawPath());
        }
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static Optional<byte[]> readBody(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            // Past the limit the rest is read and dropped, so the client sees the 413 instead of a reset connection.
            if (total <= MAX_PAYLOAD_BYTES) {
                body.write(buffer, 0, read);
            }
        }
        return total > MAX_PAYLOAD_BYTES ? Optional.empty() : Optional.of(body.toByteArray());
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean noBody = reply.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
        exchange.close();
    }

    /** What the gateway answers, and what the access log says about it. */
    private record Reply(
            int status,
            Map<String, List<String>> headers,
            byte[] body,
            String routeKey,
            String errorMessage,
            String errorResponseType,
            String integrationError,
            boolean isPreflight) {

        static Reply gatewayError(int status, String message, String responseType, String routeKey) {
            Reply reply = new Reply(
                    status,
                    new LinkedHashMap<>(),
                    messageJson(message).getBytes(StandardCharsets.UTF_8),
                    routeKey,
                    message,
                    responseType,
                    null,
                    false);
            reply.header("Content-Type", "application/json");
            return reply;
        }

        static Reply integrationError(String routeKey, String integrationError) {
            Reply base = gatewayError(500, "Internal Server Error", "INTEGRATION_FAILURE", routeKey);
            return new Reply(
                    base.status,
                    base.headers,
                    base.body,
                    routeKey,
                    base.errorMessage,
                    base.errorResponseType,
                    integrationError,
                    false);
        }

        static Reply forPreflight() {
            return new Reply(204, new LinkedHashMap<>(), new byte[0], "-", null, null, null, true);
        }

        static Reply fromHandler(APIGatewayV2HTTPResponse response, String routeKey) {
            Reply reply = new Reply(
                    response.getStatusCode(),
                    new LinkedHashMap<>(),
                    decodedBody(response),
                    routeKey,
                    null,
                    null,
                    null,
                    false);
            if (response.getHeaders() != null) {
                response.getHeaders().forEach(reply::header);
            }
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> reply.add(name, v)));
            }
            if (response.getCookies() != null) {
                response.getCookies().forEach(cookie -> reply.add("Set-Cookie", cookie));
            }
            return reply;
        }

        private static byte[] decodedBody(APIGatewayV2HTTPResponse response) {
            if (response.getBody() == null) {
                return new byte[0];
            }
            return response.getIsBase64Encoded()
                    ? Base64.getDecoder().decode(response.getBody())
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
        }

        void header(String name, String value) {
            if (!HEADERS_THE_GATEWAY_OWNS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, new ArrayList<>(List.of(value)));
            }
        }

        void add(String name, String value) {
            if (!HEADERS_THE_GATEWAY_OWNS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
    }

    /** The gateway's own error body, {@code {"message": ...}}, written as the handler writes its JSON. */
    private static String messageJson(String message) {
        return JsonText.write(
                json -> json.beginObject().name("message").value(message).endObject());
    }
}
