package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class CorsTest {

    private static HttpRequest preflight(GatewayFixture gateway, String origin) {
        return gateway.request("/events")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type,X-Amz-Date")
                .build();
    }

    @Test
    void anyOriginWhenAskedFor_answersPreflightForAnyOrigin_andMarksActualResponses() throws Exception {
        try (GatewayFixture gateway = GatewayFixture.echo("--cors-allow-origins", "*")) {
            HttpResponse<String> answer = gateway.send(preflight(gateway, "https://app.example"));
            assertEquals(204, answer.statusCode());
            assertEquals(
                    "*",
                    answer.headers().firstValue("access-control-allow-origin").orElse(""));
            assertEquals(
                    "GET,POST",
                    answer.headers().firstValue("access-control-allow-methods").orElse(""));
            assertEquals(
                    "content-type,x-amz-date",
                    answer.headers().firstValue("access-control-allow-headers").orElse(""));
            assertEquals("", answer.body());

            HttpResponse<String> actual = gateway.send(gateway.request("/events")
                    .header("Origin", "https://app.example")
                    .GET()
                    .build());
            assertEquals(200, actual.statusCode());
            assertEquals(
                    "*",
                    actual.headers().firstValue("access-control-allow-origin").orElse(""));

            HttpResponse<String> notFound = gateway.send(gateway.request("/elsewhere")
                    .header("Origin", "https://app.example")
                    .GET()
                    .build());
            assertEquals(
                    "*",
                    notFound.headers().firstValue("access-control-allow-origin").orElse(""));
        }
    }

    @Test
    void configuredOrigins_areEchoed_andOthersGetNoCorsHeaders() throws Exception {
        try (GatewayFixture gateway = GatewayFixture.echo(
                "--cors-allow-origins",
                "https://a.example,https://b.example",
                "--cors-allow-methods",
                "GET,POST,OPTIONS",
                "--cors-allow-headers",
                "content-type,authorization",
                "--cors-expose-headers",
                "location,apigw-requestid",
                "--cors-max-age",
                "600")) {
            HttpResponse<String> allowed = gateway.send(preflight(gateway, "https://b.example"));
            assertEquals(204, allowed.statusCode());
            assertEquals(
                    "https://b.example",
                    allowed.headers().firstValue("access-control-allow-origin").orElse(""));
            assertEquals(
                    "GET,POST,OPTIONS",
                    allowed.headers().firstValue("access-control-allow-methods").orElse(""));
            assertEquals(
                    "content-type,authorization",
                    allowed.headers().firstValue("access-control-allow-headers").orElse(""));
            assertEquals(
                    "600",
                    allowed.headers().firstValue("access-control-max-age").orElse(""));

            HttpResponse<String> refused = gateway.send(preflight(gateway, "https://evil.example"));
            assertEquals(204, refused.statusCode());
            assertFalse(
                    refused.headers().firstValue("access-control-allow-origin").isPresent());

            HttpResponse<String> actual = gateway.send(gateway.request("/events")
                    .header("Origin", "https://a.example")
                    .GET()
                    .build());
            assertEquals(
                    "https://a.example",
                    actual.headers().firstValue("access-control-allow-origin").orElse(""));
            assertEquals(
                    "location,apigw-requestid",
                    actual.headers().firstValue("access-control-expose-headers").orElse(""));

            HttpResponse<String> foreign = gateway.send(gateway.request("/events")
                    .header("Origin", "https://evil.example")
                    .GET()
                    .build());
            // Without --iam the gateway refuses a page of another origin outright (CrossSiteCheck).
            assertEquals(403, foreign.statusCode());
            assertFalse(
                    foreign.headers().firstValue("access-control-allow-origin").isPresent());
        }
    }

    @Test
    void optionsWithoutPreflightHeaders_isAnUnmatchedRoute() throws Exception {
        try (GatewayFixture gateway = GatewayFixture.echo()) {
            HttpResponse<String> response = gateway.send(gateway.request("/events")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build());
            assertEquals(404, response.statusCode());
        }
    }

    @Test
    void noCors_answersNoPreflight_evenFromALocalPage() throws Exception {
        try (GatewayFixture gateway = GatewayFixture.echo("--no-cors")) {
            String local = "http://localhost:" + gateway.api.port();
            // Not a preflight without CORS, and with no allowed origin no page may call the runner at all.
            assertEquals(403, gateway.send(preflight(gateway, local)).statusCode());
            HttpResponse<String> actual = gateway.send(
                    gateway.request("/events").header("Origin", local).GET().build());
            assertTrue(
                    actual.headers().firstValue("access-control-allow-origin").isEmpty());
        }
    }
}
