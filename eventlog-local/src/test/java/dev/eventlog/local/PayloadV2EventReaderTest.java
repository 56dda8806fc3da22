package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.eventlog.http.JsonSyntaxMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadV2EventReaderTest {

    /** The reflective reading the reader replaces: what it must agree with. */
    private static final Gson REFLECTIVE = new Gson();

    private static final String FULL = """
            {"version":"2.0","routeKey":"GET /events/{date}","rawPath":"/events/2024-01-01","rawQueryString":"limit=5",
             "cookies":["a=1","b=2"],"headers":{"host":"127.0.0.1","x-n":7},"queryStringParameters":{"limit":"5"},
             "pathParameters":{"date":"2024-01-01"},"stageVariables":null,"body":"{\\"x\\":\\"<&>\\"}",
             "isBase64Encoded":"true","unknown":{"deep":[1,2,{"x":null}]},
             "requestContext":{"routeKey":"GET /events/{date}","accountId":"123456789012","stage":"$default",
              "apiId":"api","domainName":"example.com","domainPrefix":"example","time":"01/Jan/2024:00:00:00 +0000",
              "timeEpoch":1704067200000,"requestId":"r-1",
              "http":{"method":"GET","path":"/events/2024-01-01","protocol":"HTTP/1.1","sourceIp":"10.0.0.1",
               "userAgent":"curl","extra":true},
              "authorizer":{"jwt":{"claims":{"sub":"u-1","n":3},"scopes":["read","write"]},
               "lambda":{"n":1,"list":[true,"x",2.5],"map":{"k":null}},
               "iam":{"accessKey":"AK","accountId":"1","callerId":"c","principalOrgId":"o","userArn":"arn","userId":"u",
                "cognitoIdentity":{"amr":["authenticated"],"identityId":"i","identityPoolId":"p"}}}}}
            """;

    @ParameterizedTest
    @ValueSource(
            strings = {
                FULL,
                "{}",
                "{\"rawPath\":\"/events\",\"requestContext\":{\"http\":null,\"authorizer\":{}}}",
                "{\"requestContext\":null,\"headers\":{},\"cookies\":[]}",
                "{\"headers\":[[\"a\",\"1\"]]}"
            })
    void readsWhatReflectiveGsonRead(String json) {
        APIGatewayV2HTTPEvent read = PayloadV2EventReader.read(json);

        assertEquals(
                REFLECTIVE.toJson(REFLECTIVE.fromJson(json, APIGatewayV2HTTPEvent.class)), REFLECTIVE.toJson(read));
    }

    @Test
    void jsonNull_isNoEvent() {
        assertNull(PayloadV2EventReader.read("null"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "\"text\"",
                "{\"rawPath\":{}}",
                "{\"headers\":[1]}",
                "{\"rawPath\":\"/\"",
                "{} {}",
                "{\"requestContext\":{\"timeEpoch\":\"soon\"}}"
            })
    void wrongShapes_failAsReflectiveGsonFailed(String json) {
        JsonParseException expected =
                assertThrows(JsonParseException.class, () -> REFLECTIVE.fromJson(json, APIGatewayV2HTTPEvent.class));
        JsonParseException actual = assertThrows(JsonParseException.class, () -> PayloadV2EventReader.read(json));

        assertEquals(JsonSyntaxMessage.describe(expected), JsonSyntaxMessage.describe(actual));
    }

    @Test
    void response_isWrittenAsReflectiveGsonWroteIt() {
        APIGatewayV2HTTPResponse full = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Location", "/events/x", "Content-Type", "application/json"))
                .withMultiValueHeaders(Map.of("Set", List.of("a", "b")))
                .withCookies(List.of("c=1"))
                .withBody("{\"x\":\"<&>\"}")
                .withIsBase64Encoded(false)
                .build();
        APIGatewayV2HTTPResponse bare = new APIGatewayV2HTTPResponse();

        Gson noHtmlEscaping = new GsonBuilder().disableHtmlEscaping().create();
        assertEquals(noHtmlEscaping.toJson(full), InvokeCommand.responseJson(full));
        assertEquals(noHtmlEscaping.toJson(bare), InvokeCommand.responseJson(bare));
    }
}
