package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.List;
import java.util.Map;

/**
 * A handler that answers with the event it received as JSON, so tests can see exactly what the gateway built.
 * Large bodies are replaced by their length to keep responses small. A request with header {@code x-echo-mode}
 * asks for special answers: {@code binary} (a base64 body), {@code cookies}, {@code throw}.
 */
final class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final Gson GSON =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String mode = event.getHeaders() == null ? "" : event.getHeaders().getOrDefault("x-echo-mode", "");
        switch (mode) {
            case "throw" -> throw new IllegalStateException("asked to fail");
            case "binary" -> {
                return APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                        .withBody("AAEC/w==")
                        .withIsBase64Encoded(true)
                        .build();
            }
            case "cookies" -> {
                return APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(201)
                        .withCookies(List.of("a=1; Path=/", "b=2"))
                        .withHeaders(Map.of("X-Custom", "yes"))
                        .build();
            }
            default -> {
                if (event.getBody() != null && event.getBody().length() > 4096) {
                    event.setBody("<" + event.getBody().length() + " chars>");
                }
                return APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "application/json"))
                        .withBody(GSON.toJson(event))
                        .build();
            }
        }
    }
}
