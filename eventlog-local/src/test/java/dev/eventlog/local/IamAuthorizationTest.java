package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IamAuthorizationTest {

    private static final String KEY = "AKIDLOCALTEST0001";
    private static final String SECRET = "local-secret/with+chars";
    private static final String MISMATCH = "{\"message\":\"The request signature we calculated does not match the"
            + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
            + " documentation for details.\"}";

    private static GatewayFixture gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayFixture.echo(
                "--iam", "--iam-access-key", KEY, "--iam-secret-key", SECRET, "--region", "us-east-1");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static SdkSigning signer() {
        return new SdkSigning(KEY, SECRET, "us-east-1");
    }

    @Test
    void sdkSignedGet_passes_andTheEventCarriesTheIamCaller() throws Exception {
        HttpResponse<String> response = gateway.send(signer().headerSigned(
                        "GET", gateway.uri("/events/2024-01-02/10:11:12.345?order=desc&limit=5"), Map.of(), ""));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject iam = GatewayFixture.echoedEvent(response)
                .getAsJsonObject("requestContext")
                .getAsJsonObject("authorizer")
                .getAsJsonObject("iam");
        assertEquals(KEY, iam.get("accessKey").getAsString());
        assertEquals("000000000000", iam.get("accountId").getAsString());
        assertTrue(iam.get("userArn").getAsString().startsWith("arn:aws:iam::000000000000:user/"));
        assertEquals(iam.get("userId").getAsString(), iam.get("callerId").getAsString());
        JsonObject logged = JsonParser.parseString(
                        gateway.accessLogLines().get(gateway.accessLogLines().size() - 1))
                .getAsJsonObject();
        assertEquals(iam.get("userArn").getAsString(), logged.get("userArn").getAsString());
        assertEquals("000000000000", logged.get("callerAccountId").getAsString());
    }

    @Test
    void sdkSignedPostWithBody_passes() throws Exception {
        HttpResponse<String> response = gateway.send(signer().headerSigned(
                        "POST",
                        gateway.uri("/events"),
                        Map.of("Content-Type", "application/json"),
                        "{\"userId\":\"u1\",\"eventType\":\"login\"}"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "{\"userId\":\"u1\",\"eventType\":\"login\"}",
                GatewayFixture.echoedEvent(response).get("body").getAsString());
    }

    @Test
    void sdkPresignedUrl_passes_untilItExpires() throws Exception {
        URI url = signer().presigned(gateway.uri("/events?date=2024-01-02"), Duration.ofMinutes(5));
        assertEquals(
                200, gateway.send(HttpRequest.newBuilder(url).GET().build()).statusCode());

        URI expired = signer().at(Instant.now().minus(Duration.ofMinutes(20)))
                .presigned(gateway.uri("/events?date=2024-01-02"), Duration.ofSeconds(60));
        HttpResponse<String> response =
                gateway.send(HttpRequest.newBuilder(expired).GET().build());
        assertEquals(403, response.statusCode());
        assertTrue(response.body().startsWith("{\"message\":\"Signature expired: "), response.body());
    }

    @Test
    void tamperedPresignedQuery_isRefused() throws Exception {
        URI url = signer().presigned(gateway.uri("/events?date=2024-01-02"), Duration.ofMinutes(5));
        URI tampered = URI.create(url.toString().replace("date=2024-01-02", "date=2024-01-03"));
        HttpResponse<String> response =
                gateway.send(HttpRequest.newBuilder(tampered).GET().build());
        assertEquals(403, response.statusCode());
        assertEquals(MISMATCH, response.body());
    }

    @Test
    void unsignedRequest_isRefusedWithMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = gateway.get("/events");
        assertEquals(403, response.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
        assertEquals(
                "MissingAuthenticationTokenException",
                response.headers().firstValue("x-amzn-errortype").orElse(""));
    }

    @Test
    void wrongSecret_isRefused() throws Exception {
        HttpResponse<String> response = gateway.send(new SdkSigning(KEY, "not-the-secret", "us-east-1")
                .headerSigned("GET", gateway.uri("/events"), Map.of(), ""));
        assertEquals(403, response.statusCode());
        assertEquals(MISMATCH, response.body());
    }

    @Test
    void unknownAccessKey_isRefusedAsAnInvalidToken() throws Exception {
        HttpResponse<String> response = gateway.send(new SdkSigning("AKIDSOMEONEELSE", SECRET, "us-east-1")
                .headerSigned("GET", gateway.uri("/events"), Map.of(), ""));
        assertEquals(403, response.statusCode());
        assertEquals("{\"message\":\"The security token included in the request is invalid.\"}", response.body());
    }

    @Test
    void otherRegion_isRefused() throws Exception {
        HttpResponse<String> response = gateway.send(
                new SdkSigning(KEY, SECRET, "eu-west-1").headerSigned("GET", gateway.uri("/events"), Map.of(), ""));
        assertEquals(403, response.statusCode());
        assertEquals("{\"message\":\"Credential should be scoped to a valid region. \"}", response.body());
    }

    @Test
    void tamperedBody_isRefused() throws Exception {
        HttpRequest signed = signer().headerSigned(
                        "POST",
                        gateway.uri("/events"),
                        Map.of("Content-Type", "application/json"),
                        "{\"userId\":\"u1\"}");
        HttpRequest tampered = HttpRequest.newBuilder(signed, (name, value) -> true)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u2\"}"))
                .build();
        HttpResponse<String> response = gateway.send(tampered);
        assertEquals(403, response.statusCode());
        assertEquals(MISMATCH, response.body());
    }

    @Test
    void tamperedQueryPathOrSignedHeader_isRefused() throws Exception {
        HttpRequest query = signer().headerSigned("GET", gateway.uri("/events?userId=u1"), Map.of(), "");
        assertRefused(HttpRequest.newBuilder(query, (n, v) -> true)
                .uri(gateway.uri("/events?userId=u2"))
                .build());

        HttpRequest path = signer().headerSigned("GET", gateway.uri("/events/2024-01-01"), Map.of(), "");
        assertRefused(HttpRequest.newBuilder(path, (n, v) -> true)
                .uri(gateway.uri("/events/2024-01-02"))
                .build());

        HttpRequest header = signer().headerSigned("GET", gateway.uri("/events"), Map.of("X-Client", "a"), "");
        assertRefused(HttpRequest.newBuilder(header, (n, v) -> !n.equalsIgnoreCase("x-client"))
                .header("X-Client", "b")
                .build());
    }

    private static void assertRefused(HttpRequest request) throws Exception {
        HttpResponse<String> response = gateway.send(request);
        assertEquals(403, response.statusCode(), request.uri().toString());
        assertEquals(MISMATCH, response.body());
    }

    @Test
    void signatureOlderOrNewerThanFiveMinutes_isRefused() throws Exception {
        HttpResponse<String> old = gateway.send(signer().at(Instant.now().minus(Duration.ofMinutes(10)))
                .headerSigned("GET", gateway.uri("/events"), Map.of(), ""));
        assertEquals(403, old.statusCode());
        assertTrue(old.body().startsWith("{\"message\":\"Signature expired: "), old.body());

        HttpResponse<String> future = gateway.send(signer().at(Instant.now().plus(Duration.ofMinutes(10)))
                .headerSigned("GET", gateway.uri("/events"), Map.of(), ""));
        assertEquals(403, future.statusCode());
        assertTrue(future.body().startsWith("{\"message\":\"Signature not yet current: "), future.body());

        HttpResponse<String> recent = gateway.send(signer().at(Instant.now().minus(Duration.ofMinutes(2)))
                .headerSigned("GET", gateway.uri("/events"), Map.of(), ""));
        assertEquals(200, recent.statusCode());
    }

    @Test
    void curlSignedRequests_pass_andAWrongSecretFails() throws Exception {
        CurlSigV4.Result get =
                CurlSigV4.request("GET", gateway.api.url() + "/events/2024-01-02/10:11:12.345", KEY, SECRET, null);
        assertEquals(200, get.status(), get.body());

        CurlSigV4.Result query =
                CurlSigV4.request("GET", gateway.api.url() + "/events?date=2024-01-02&limit=5", KEY, SECRET, null);
        assertEquals(200, query.status(), query.body());

        CurlSigV4.Result post = CurlSigV4.request(
                "POST", gateway.api.url() + "/events", KEY, SECRET, "{\"userId\":\"u1\",\"eventType\":\"login\"}");
        assertEquals(200, post.status(), post.body());

        CurlSigV4.Result wrong = CurlSigV4.request("GET", gateway.api.url() + "/events", KEY, "wrong-secret", null);
        assertEquals(403, wrong.status());
        assertEquals(MISMATCH, wrong.body());
    }

    @Test
    void preflight_isAnsweredWithoutSignature_butUnknownRoutesStayNotFound() throws Exception {
        HttpResponse<String> preflight = gateway.send(gateway.request("/events")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .build());
        assertEquals(204, preflight.statusCode());
        assertEquals(404, gateway.get("/unknown").statusCode());
    }
}
