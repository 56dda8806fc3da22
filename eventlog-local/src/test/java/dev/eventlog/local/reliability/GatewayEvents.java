package dev.eventlog.local.reliability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Test harness: payload 2.0 events as the HTTP API's {@code $default} route delivers them, built from raw request
 * parts: the path decoded once, as the gateway hands it over, and a body that is not UTF-8 text base64-encoded, as
 * the gateway sends binary bodies.
 */
final class GatewayEvents {

    private GatewayEvents() {}

    static APIGatewayV2HTTPEvent request(String method, String target, byte[] body) {
        int question = target.indexOf('?');
        String rawPath = lenientDecode(question < 0 ? target : target.substring(0, question));
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
                .withQueryStringParameters(rawQuery.isEmpty() ? null : leniently(rawQuery))
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

    /**
     * The query parameters as the gateway hands them over: decoded without complaint (a malformed escape stays as
     * it is, invalid UTF-8 becomes U+FFFD) and repeats joined with commas. Only the raw query string shows the damage.
     */
    private static Map<String, String> leniently(String rawQuery) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = lenientDecode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : lenientDecode(pair.substring(eq + 1));
                out.merge(name, value, (a, b) -> a + "," + b);
            }
        }
        return out;
    }

    /** One round of percent-decoding; a malformed escape stays as it is and a {@code +} stays a plus. */
    private static String lenientDecode(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            int high = raw[i] == '%' && i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw[i + 2], 16);
            if (low >= 0) {
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
