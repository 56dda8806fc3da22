package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.eventlog.http.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the local gateway answers, and what its access log says about it. */
record GatewayReply(
        int status,
        Map<String, List<String>> headers,
        byte[] body,
        String routeKey,
        String errorMessage,
        String errorResponseType,
        String integrationError,
        boolean isPreflight) {

    /** Headers the server itself writes; a handler's values for them are dropped, as API Gateway drops them. */
    private static final Set<String> HEADERS_THE_GATEWAY_OWNS =
            Set.of("content-length", "transfer-encoding", "connection", "date");

    static GatewayReply gatewayError(int status, String message, String responseType, String routeKey) {
        GatewayReply reply = new GatewayReply(
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

    static GatewayReply integrationError(String routeKey, String integrationError) {
        GatewayReply base = gatewayError(500, "Internal Server Error", "INTEGRATION_FAILURE", routeKey);
        return new GatewayReply(
                base.status,
                base.headers,
                base.body,
                routeKey,
                base.errorMessage,
                base.errorResponseType,
                integrationError,
                false);
    }

    static GatewayReply forPreflight() {
        return new GatewayReply(204, new LinkedHashMap<>(), new byte[0], "-", null, null, null, true);
    }

    static GatewayReply fromHandler(APIGatewayV2HTTPResponse response, String routeKey) {
        GatewayReply reply = new GatewayReply(
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

    /** The gateway's own error body, {@code {"message": ...}}, written as the handler writes its JSON. */
    static String messageJson(String message) {
        return JsonText.write(
                json -> json.beginObject().name("message").value(message).endObject());
    }
}
