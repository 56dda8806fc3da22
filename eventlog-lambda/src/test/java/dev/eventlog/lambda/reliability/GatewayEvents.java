package dev.eventlog.lambda.reliability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Test harness: payload 2.0 events as the HTTP API's {@code $default} route delivers them, built from raw request
 * parts. A body that is not UTF-8 text arrives base64-encoded, as the gateway sends binary bodies.
 */
final class GatewayEvents {

    private GatewayEvents() {
    }

    static APIGatewayV2HTTPEvent request(String method, String target, byte[] body) {
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? "" : target.substring(question + 1);
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(rawPath)
                .withProtocol("HTTP/1.1")
                .withSourceIp("127.0.0.1")
                .build();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http)
                .withRequestId("reliability")
                .withRouteKey("$default")
                .withStage("$default")
                .build();
        APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withHeaders(Map.of("host", "127.0.0.1"))
                .withRequestContext(context)
                .withIsBase64Encoded(false);
        if (body != null && body.length > 0) {
            String text = utf8(body);
            if (text != null) {
                event.withBody(text);
            } else {
                event.withBody(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true);
            }
        }
        return event.build();
    }

    static APIGatewayV2HTTPEvent request(String method, String target, String body) {
        return request(method, target, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
