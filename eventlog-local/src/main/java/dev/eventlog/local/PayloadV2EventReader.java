package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a payload 2.0 event file into the event class, field by field with gson's streaming reader.
 *
 * <p>Why not {@code Gson.fromJson}: building a {@code Gson} and its reflective adapters for the event's eight
 * nested classes loads about 200 classes, a measurable part of a cold {@code invoke}. This reader accepts what
 * that did (unknown fields ignored, {@code null} for absent values, numbers and booleans where text is expected)
 * and fails with the same reader messages, which {@code JsonSyntaxMessage} turns into plain words.
 */
final class PayloadV2EventReader {

    private PayloadV2EventReader() {}

    /** The event, or null for the JSON text {@code null}. */
    static APIGatewayV2HTTPEvent read(String json) {
        try (JsonReader in = new JsonReader(new StringReader(json))) {
            in.setStrictness(Strictness.LEGACY_STRICT);
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            APIGatewayV2HTTPEvent event = event(in);
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonSyntaxException("JSON document was not fully consumed.");
            }
            return event;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new JsonSyntaxException(e);
        }
    }

    private static APIGatewayV2HTTPEvent event(JsonReader in) throws IOException {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "version" -> event.setVersion(text(in));
                case "routeKey" -> event.setRouteKey(text(in));
                case "rawPath" -> event.setRawPath(text(in));
                case "rawQueryString" -> event.setRawQueryString(text(in));
                case "cookies" -> event.setCookies(texts(in));
                case "headers" -> event.setHeaders(textMap(in));
                case "queryStringParameters" -> event.setQueryStringParameters(textMap(in));
                case "pathParameters" -> event.setPathParameters(textMap(in));
                case "stageVariables" -> event.setStageVariables(textMap(in));
                case "body" -> event.setBody(text(in));
                case "isBase64Encoded" -> event.setIsBase64Encoded(flag(in));
                case "requestContext" -> event.setRequestContext(nullOr(in) ? null : context(in));
                default -> in.skipValue();
            }
        }
        in.endObject();
        return event;
    }

    private static RequestContext context(JsonReader in) throws IOException {
        RequestContext context = new RequestContext();
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "routeKey" -> context.setRouteKey(text(in));
                case "accountId" -> context.setAccountId(text(in));
                case "stage" -> context.setStage(text(in));
                case "apiId" -> context.setApiId(text(in));
                case "domainName" -> context.setDomainName(text(in));
                case "domainPrefix" -> context.setDomainPrefix(text(in));
                case "time" -> context.setTime(text(in));
                case "timeEpoch" -> context.setTimeEpoch(nullOr(in) ? 0 : in.nextLong());
                case "http" -> context.setHttp(nullOr(in) ? null : http(in));
                case "authorizer" -> context.setAuthorizer(nullOr(in) ? null : authorizer(in));
                case "requestId" -> context.setRequestId(text(in));
                default -> in.skipValue();
            }
        }
        in.endObject();
        return context;
    }

    private static RequestContext.Http http(JsonReader in) throws IOException {
        RequestContext.Http http = new RequestContext.Http();
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "method" -> http.setMethod(text(in));
                case "path" -> http.setPath(text(in));
                case "protocol" -> http.setProtocol(text(in));
                case "sourceIp" -> http.setSourceIp(text(in));
                case "userAgent" -> http.setUserAgent(text(in));
                default -> in.skipValue();
            }
        }
        in.endObject();
        return http;
    }

    private static RequestContext.Authorizer authorizer(JsonReader in) throws IOException {
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "jwt" -> authorizer.setJwt(nullOr(in) ? null : jwt(in));
                case "lambda" -> authorizer.setLambda(nullOr(in) ? null : objectMap(in));
                case "iam" -> authorizer.setIam(nullOr(in) ? null : iam(in));
                default -> in.skipValue();
            }
        }
        in.endObject();
        return authorizer;
    }

    private static RequestContext.Authorizer.JWT jwt(JsonReader in) throws IOException {
        RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "claims" -> jwt.setClaims(textMap(in));
                case "scopes" -> jwt.setScopes(texts(in));
                default -> in.skipValue();
            }
        }
        in.endObject();
        return jwt;
    }

    private static RequestContext.IAM iam(JsonReader in) throws IOException {
        RequestContext.IAM iam = new RequestContext.IAM();
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "accessKey" -> iam.setAccessKey(text(in));
                case "accountId" -> iam.setAccountId(text(in));
                case "callerId" -> iam.setCallerId(text(in));
                case "cognitoIdentity" -> iam.setCognitoIdentity(nullOr(in) ? null : cognitoIdentity(in));
                case "principalOrgId" -> iam.setPrincipalOrgId(text(in));
                case "userArn" -> iam.setUserArn(text(in));
                case "userId" -> iam.setUserId(text(in));
                default -> in.skipValue();
            }
        }
        in.endObject();
        return iam;
    }

    private static RequestContext.CognitoIdentity cognitoIdentity(JsonReader in) throws IOException {
        RequestContext.CognitoIdentity identity = new RequestContext.CognitoIdentity();
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "amr" -> identity.setAmr(texts(in));
                case "identityId" -> identity.setIdentityId(text(in));
                case "identityPoolId" -> identity.setIdentityPoolId(text(in));
                default -> in.skipValue();
            }
        }
        in.endObject();
        return identity;
    }

    /** True, having consumed it, when the next value is JSON null. */
    private static boolean nullOr(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return true;
        }
        return false;
    }

    /** Text as gson reads it into a String: a string, or a number's or a boolean's own text. */
    private static String text(JsonReader in) throws IOException {
        if (nullOr(in)) {
            return null;
        }
        return in.peek() == JsonToken.BOOLEAN ? Boolean.toString(in.nextBoolean()) : in.nextString();
    }

    private static boolean flag(JsonReader in) throws IOException {
        if (nullOr(in)) {
            return false;
        }
        return in.peek() == JsonToken.STRING ? Boolean.parseBoolean(in.nextString()) : in.nextBoolean();
    }

    private static List<String> texts(JsonReader in) throws IOException {
        if (nullOr(in)) {
            return null;
        }
        List<String> list = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) {
            list.add(text(in));
        }
        in.endArray();
        return list;
    }

    private static Map<String, String> textMap(JsonReader in) throws IOException {
        if (nullOr(in)) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        if (in.peek() == JsonToken.BEGIN_ARRAY) {
            // gson also reads a map written as an array of [key, value] pairs.
            in.beginArray();
            while (in.hasNext()) {
                in.beginArray();
                put(map, text(in), text(in));
                in.endArray();
            }
            in.endArray();
            return map;
        }
        in.beginObject();
        while (in.hasNext()) {
            put(map, in.nextName(), text(in));
        }
        in.endObject();
        return map;
    }

    private static void put(Map<String, String> map, String name, String value) {
        if (map.put(name, value) != null) {
            throw new JsonSyntaxException("duplicate key: " + name);
        }
    }

    /** Any JSON object as gson reads it into {@code Map<String, Object>}: numbers as doubles, nested maps and lists. */
    private static Map<String, Object> objectMap(JsonReader in) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        in.beginObject();
        while (in.hasNext()) {
            map.put(in.nextName(), value(in));
        }
        in.endObject();
        return map;
    }

    private static Object value(JsonReader in) throws IOException {
        switch (in.peek()) {
            case BEGIN_OBJECT:
                return objectMap(in);
            case BEGIN_ARRAY:
                List<Object> list = new ArrayList<>();
                in.beginArray();
                while (in.hasNext()) {
                    list.add(value(in));
                }
                in.endArray();
                return list;
            case NUMBER:
                return in.nextDouble();
            case BOOLEAN:
                return in.nextBoolean();
            case NULL:
                in.nextNull();
                return null;
            default:
                return in.nextString();
        }
    }
}
