package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.dynamodb.DynaliteServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real handler behind {@code serve --iam}, driven by curl's own SigV4, and behind {@code --store dynamodb}. */
class LocalApiWithIamEndToEndTest {

    @Test
    void curlSignedRequests_recordAndReadEvents_andAWrongSecretChangesNothing() throws Exception {
        try (GatewayFixture api = GatewayFixture.with(
                LocalRunner::handler, "--iam", "--iam-access-key", "AKIDLOCAL", "--iam-secret-key", "local-secret")) {
            CurlSigV4.Result created = CurlSigV4.request(
                    "POST",
                    api.api.url() + "/events",
                    "AKIDLOCAL",
                    "local-secret",
                    "{\"date\":\"2024-06-01\",\"time\":\"11:00:00\",\"userId\":\"alice\","
                            + "\"eventType\":\"login\"}");
            assertEquals(201, created.status(), created.body());

            CurlSigV4.Result refused = CurlSigV4.request(
                    "POST",
                    api.api.url() + "/events",
                    "AKIDLOCAL",
                    "wrong",
                    "{\"date\":\"2024-06-01\",\"time\":\"11:00:01\",\"userId\":\"mallory\",\"eventType\":\"login\"}");
            assertEquals(403, refused.status(), refused.body());

            CurlSigV4.Result day = CurlSigV4.request(
                    "GET", api.api.url() + "/events?date=2024-06-01&limit=10", "AKIDLOCAL", "local-secret", null);
            assertEquals(200, day.status(), day.body());
            assertTrue(day.body().contains("\"Count\":1"), day.body());

            CurlSigV4.Result one = CurlSigV4.request(
                    "GET", api.api.url() + "/events/2024-06-01/11:00:00.000", "AKIDLOCAL", "local-secret", null);
            assertEquals(200, one.status(), one.body());
            assertEquals(403, api.get("/events").statusCode());
        }
    }

    /** A presigned URL carries its signature in X-Amz-* query parameters, which the gateway checks and the function ignores. */
    @Test
    void sdkPresignedGets_readEventsThroughTheRealHandler() throws Exception {
        try (GatewayFixture api = GatewayFixture.with(
                LocalRunner::handler, "--iam", "--iam-access-key", "AKIDLOCAL", "--iam-secret-key", "local-secret")) {
            SdkSigning signer = new SdkSigning("AKIDLOCAL", "local-secret", "us-east-1");
            HttpResponse<String> created = api.send(signer.headerSigned(
                    "POST",
                    api.uri("/events"),
                    Map.of("Content-Type", "application/json"),
                    "{\"date\":\"2024-06-01\",\"time\":\"11:00:00\",\"eventId\":\"order-7\",\"userId\":\"alice\","
                            + "\"eventType\":\"purchase\"}"));
            assertEquals(201, created.statusCode(), created.body());

            for (String target : List.of(
                    "/events?date=2024-06-01&limit=10",
                    "/events/2024-06-01",
                    "/events/2024-06-01/11:00:00.000",
                    "/events/2024-06-01/11:00:00.000/order-7")) {
                URI presigned = signer.presigned(api.uri(target), Duration.ofMinutes(5));
                assertTrue(presigned.getRawQuery().contains("X-Amz-Signature="), presigned.toString());

                HttpResponse<String> read =
                        api.send(HttpRequest.newBuilder(presigned).GET().build());

                assertEquals(200, read.statusCode(), target + ": " + read.body());
                assertTrue(read.body().contains("\"eventId\":\"order-7\""), target + ": " + read.body());
            }
            URI tampered = URI.create(signer.presigned(api.uri("/events/2024-06-01"), Duration.ofMinutes(5))
                    .toString()
                    .replace("/events/2024-06-01", "/events/2024-06-02"));
            assertEquals(
                    403,
                    api.send(HttpRequest.newBuilder(tampered).GET().build()).statusCode());
        }
    }

    @Test
    void serveOnDynamoDb_roundTripsThroughTheHttpApi() throws Exception {
        DynaliteServer dynalite = DynaliteServer.start();
        try (GatewayFixture api = GatewayFixture.with(
                LocalRunner::handler,
                "--store",
                "dynamodb",
                "--endpoint-url",
                dynalite.endpoint().toString(),
                "--table",
                "runner-e2e",
                "--create-table")) {
            HttpResponse<String> created = api.post(
                    "/events",
                    "{\"date\":\"2024-06-02\",\"time\":\"07:00:00\",\"userId\":\"dora\",\"eventType\":\"login\"}");
            assertEquals(201, created.statusCode(), created.body());
            HttpResponse<String> again = api.post(
                    "/events",
                    "{\"date\":\"2024-06-02\",\"time\":\"07:00:00\",\"userId\":\"dora\",\"eventType\":\"login\"}");
            assertEquals(200, again.statusCode(), again.body());
            HttpResponse<String> read = api.get("/events/2024-06-02/07:00:00.000");
            assertEquals(200, read.statusCode(), read.body());
            assertTrue(read.body().contains("\"userId\":\"dora\""), read.body());
            assertTrue(api.console().contains("runner-e2e"), api.console());
        } finally {
            dynalite.stop();
        }
    }
}
