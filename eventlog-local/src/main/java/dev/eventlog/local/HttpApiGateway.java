package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.eventlog.http.RouteMatch;
import dev.eventlog.local.auth.AuthDecision;
import dev.eventlog.local.auth.CallerIdentity;
import dev.eventlog.local.auth.SigV4Verifier;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        GatewayReply reply;
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
                    .or(() -> PathSegments.check(ExchangeIo.pathAsSent(exchange)));
            if (refusal.isPresent()) {
                reply = GatewayReply.gatewayError(
                        refusal.get().status(),
                        refusal.get().message(),
                        refusal.get().responseType(),
                        "-");
            } else {
                Optional<byte[]> body = ExchangeIo.readBody(exchange.getRequestBody(), MAX_PAYLOAD_BYTES);
                request = new GatewayRequest(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(),
                        headers,
                        body.orElse(new byte[0]),
                        sourceIp,
                        exchange.getProtocol());
                reply = body.isEmpty()
                        ? GatewayReply.gatewayError(413, "Request Entity Too Large", "REQUEST_TOO_LARGE", "-")
                        : dispatch(request, requestId, receivedAt, localPort, caller);
            }
        } catch (IOException e) {
            reply = GatewayReply.gatewayError(400, "Bad Request", "BAD_REQUEST_BODY", "-");
        } catch (RuntimeException e) {
            System.err.println("Gateway failed on request " + requestId + ": " + e);
            reply = GatewayReply.gatewayError(500, "Internal Server Error", "INTEGRATION_FAILURE", "-");
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
        ExchangeIo.send(exchange, reply);
    }

    /** Serves one request; a verified IAM caller is handed to {@code verifiedCaller} for the access log. */
    private GatewayReply dispatch(
            GatewayRequest request,
            String requestId,
            Instant receivedAt,
            int localPort,
            AtomicReference<CallerIdentity> verifiedCaller) {
        if (cors.isPreflight(request)) {
            GatewayReply reply = GatewayReply.forPreflight();
            cors.preflightHeaders(request).forEach(reply::header);
            return reply;
        }
        if (iam.isEmpty()) {
            Optional<RequestHeadCheck.Refusal> crossSite = CrossSiteCheck.check(request, cors);
            if (crossSite.isPresent()) {
                return GatewayReply.gatewayError(
                        crossSite.get().status(),
                        crossSite.get().message(),
                        crossSite.get().responseType(),
                        "-");
            }
        }
        Optional<RouteMatch> route = HttpApiRoutes.match(request.method(), request.rawPath());
        if (route.isEmpty()) {
            return GatewayReply.gatewayError(404, "Not Found", "RESOURCE_NOT_FOUND", "-");
        }
        String routeKey = route.get().route().routeKey();
        Optional<CallerIdentity> caller = Optional.empty();
        if (iam.isPresent()) {
            AuthDecision decision = iam.get().verify(request);
            if (decision instanceof AuthDecision.Denied denied) {
                GatewayReply reply = GatewayReply.gatewayError(403, denied.message(), denied.responseType(), routeKey);
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
            return GatewayReply.integrationError(routeKey, "The Lambda function returned an error: " + e.getMessage());
        }
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            return GatewayReply.integrationError(routeKey, "The Lambda function returned an invalid response");
        }
        return GatewayReply.fromHandler(response, routeKey);
    }

    /** Stops the function's invocation threads, once the server takes no more requests. */
    void close() {
        function.close();
    }
}
