package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What keeps {@code serve} safe on a developer's machine: the Host check, local CORS origins, strict paths. */
class LocalSafetyTest {

    private static final String EVENT =
            "{\"date\":\"2024-01-01\",\"time\":\"09:00:00\",\"userId\":\"mallory\",\"eventType\":\"login\"}";

    private static Map<String, String> json(Map<String, String> host) {
        Map<String, String> headers = new LinkedHashMap<>(host);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    @Test
    void foreignHost_gets403NamingTheOption_andNothingIsStored() throws Exception {
        try (GatewayFixture api = GatewayFixture.with(LocalRunner::handler)) {
            int port = api.api.port();
            RawExchange.Answer refused =
                    RawExchange.send(port, "POST", "/events", json(RawExchange.host("attacker.example", port)), EVENT);
            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.body().contains("--allowed-hosts"), refused.body());
            assertTrue(refused.body().startsWith("{\"message\":"), refused.body());

            String millisecond = api.get("/events/2024-01-01/09:00:00").body();
            assertTrue(millisecond.contains("\"Count\":0"), "nothing stored: " + millisecond);
            assertTrue(api.accessLogLines().stream().anyMatch(line -> line.contains("HOST_NOT_ALLOWED")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]", "LocalHost"})
    void localHostNames_withThePort_areAnswered(String name) throws Exception {
        try (GatewayFixture api = GatewayFixture.echo()) {
            int port = api.api.port();
            assertEquals(
                    200,
                    RawExchange.send(port, "GET", "/events", RawExchange.host(name, port), "")
                            .status());
        }
    }

    @Test
    void localNameOnAnotherPort_orWithoutPort_orNoHost_isRefused() throws Exception {
        try (GatewayFixture api = GatewayFixture.echo()) {
            int port = api.api.port();
            assertEquals(
                    403,
                    RawExchange.send(port, "GET", "/events", RawExchange.host("localhost", port + 1), "")
                            .status());
            assertEquals(
                    403,
                    RawExchange.send(port, "GET", "/events", Map.of("Host", "localhost"), "")
                            .status());
            assertEquals(
                    403, RawExchange.send(port, "GET", "/events", Map.of(), "").status());
        }
    }

    @Test
    void allowedHosts_addNames() throws Exception {
        try (GatewayFixture api = GatewayFixture.echo("--allowed-hosts", "devbox.lan, app.test")) {
            int port = api.api.port();
            assertEquals(
                    200,
                    RawExchange.send(port, "GET", "/events", RawExchange.host("devbox.lan", port), "")
                            .status());
            assertEquals(
                    200,
                    RawExchange.send(port, "GET", "/events", RawExchange.host("app.test", port), "")
                            .status());
            assertEquals(
                    403,
                    RawExchange.send(port, "GET", "/events", RawExchange.host("attacker.example", port), "")
                            .status());
            assertTrue(api.console().contains("devbox.lan"), api.console());
        }
    }

    @Test
    void withoutIam_onlyLocalOriginsGetCorsHeaders() throws Exception {
        try (GatewayFixture api = GatewayFixture.echo()) {
            int port = api.api.port();
            for (String local : new String[] {"http://localhost:" + port, "http://127.0.0.1:" + port}) {
                HttpResponse<String> answer = api.send(
                        api.request("/events").header("Origin", local).GET().build());
                assertEquals(
                        local,
                        answer.headers()
                                .firstValue("access-control-allow-origin")
                                .orElse(""));
            }
            HttpResponse<String> foreign = api.send(api.request("/events")
                    .header("Origin", "https://app.example")
                    .GET()
                    .build());
            assertEquals(403, foreign.statusCode());
            assertFalse(
                    foreign.headers().firstValue("access-control-allow-origin").isPresent());

            HttpResponse<String> preflight = api.send(api.request("/events")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://app.example")
                    .header("Access-Control-Request-Method", "POST")
                    .build());
            assertFalse(preflight
                    .headers()
                    .firstValue("access-control-allow-origin")
                    .isPresent());
            assertTrue(api.console().contains("http://localhost:" + port), api.console());
        }
    }

    /** A form or a {@code text/plain} fetch needs no preflight, so only the gateway's own refusal stops it. */
    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "http://localhost:8080"})
    void withoutIam_aPageOfAnotherOrigin_cannotWrite_andNothingIsStored(String origin) throws Exception {
        try (GatewayFixture api = GatewayFixture.with(LocalRunner::handler)) {
            int port = api.api.port();
            Map<String, String> headers = new LinkedHashMap<>(RawExchange.host("127.0.0.1", port));
            headers.put("Origin", origin);
            headers.put("Content-Type", origin.equals("null") ? "application/x-www-form-urlencoded" : "text/plain");

            RawExchange.Answer refused = RawExchange.send(port, "POST", "/events", headers, EVENT);

            assertEquals(403, refused.status(), refused.body());
            assertTrue(
                    refused.body().startsWith("{\"message\":\"Origin '" + origin + "' is not allowed"), refused.body());
            assertTrue(refused.body().contains("--cors-allow-origins"), refused.body());
            assertFalse(
                    refused.headers().containsKey("access-control-allow-origin"),
                    refused.headers().toString());
            assertStoredNothing(api);
            assertTrue(api.accessLogLines().stream().anyMatch(line -> line.contains("ORIGIN_NOT_ALLOWED")));
        }
    }

    @Test
    void withoutIam_aCrossSiteRequestWithoutOrigin_cannotWrite() throws Exception {
        try (GatewayFixture api = GatewayFixture.with(LocalRunner::handler)) {
            int port = api.api.port();
            Map<String, String> headers = new LinkedHashMap<>(json(RawExchange.host("127.0.0.1", port)));
            headers.put("Sec-Fetch-Site", "cross-site");

            RawExchange.Answer refused = RawExchange.send(port, "POST", "/events", headers, EVENT);

            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.body().contains("Sec-Fetch-Site"), refused.body());
            assertStoredNothing(api);
        }
    }

    @Test
    void withoutIam_clientsWithoutOrigin_andTheRunnersOwnPages_stillWrite() throws Exception {
        try (GatewayFixture api = GatewayFixture.with(LocalRunner::handler)) {
            int port = api.api.port();
            Map<String, String> curl = json(RawExchange.host("127.0.0.1", port));
            assertEquals(
                    201, RawExchange.send(port, "POST", "/events", curl, EVENT).status());

            Map<String, String> ownPage = new LinkedHashMap<>(curl);
            ownPage.put("Origin", "http://localhost:" + port);
            ownPage.put("Sec-Fetch-Site", "cross-site");
            RawExchange.Answer fromOwnPage =
                    RawExchange.send(port, "POST", "/events", ownPage, EVENT.replace("09:00:00", "09:00:01"));
            assertEquals(201, fromOwnPage.status(), fromOwnPage.body());
            assertEquals("http://localhost:" + port, fromOwnPage.headers().get("access-control-allow-origin"));
        }
    }

    @Test
    void withoutIam_originsGivenExplicitly_includingNull_mayWrite() throws Exception {
        try (GatewayFixture api = GatewayFixture.echo("--cors-allow-origins", "null,https://app.example")) {
            int port = api.api.port();
            for (String origin : List.of("null", "https://app.example")) {
                Map<String, String> headers = new LinkedHashMap<>(json(RawExchange.host("127.0.0.1", port)));
                headers.put("Origin", origin);
                headers.put("Sec-Fetch-Site", "cross-site");
                assertEquals(
                        200,
                        RawExchange.send(port, "POST", "/events", headers, EVENT)
                                .status(),
                        origin);
            }
        }
    }

    @Test
    void withIam_aSignedRequestFromAnyPage_isServed() throws Exception {
        try (GatewayFixture api =
                GatewayFixture.echo("--iam", "--iam-access-key", "AKIDLOCAL", "--iam-secret-key", "local-secret")) {
            HttpRequest signed = new SdkSigning("AKIDLOCAL", "local-secret", "us-east-1")
                    .headerSigned(
                            "POST",
                            api.uri("/events"),
                            Map.of("Origin", "https://app.example", "Content-Type", "text/plain"),
                            EVENT);

            assertEquals(200, api.send(signed).statusCode());
        }
    }

    private static void assertStoredNothing(GatewayFixture api) throws Exception {
        String millisecond = api.get("/events/2024-01-01/09:00:00").body();
        assertTrue(millisecond.contains("\"Count\":0"), "nothing stored: " + millisecond);
    }

    @Test
    void anyOrigin_whenAskedForExplicitly_orWithIam() throws Exception {
        try (GatewayFixture api = GatewayFixture.echo("--cors-allow-origins", "*")) {
            HttpResponse<String> answer = api.send(api.request("/events")
                    .header("Origin", "https://app.example")
                    .GET()
                    .build());
            assertEquals(
                    "*",
                    answer.headers().firstValue("access-control-allow-origin").orElse(""));
        }
        try (GatewayFixture api =
                GatewayFixture.echo("--iam", "--iam-access-key", "AKIDLOCAL", "--iam-secret-key", "local-secret")) {
            HttpResponse<String> preflight = api.send(api.request("/events")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://app.example")
                    .header("Access-Control-Request-Method", "POST")
                    .build());
            assertEquals(
                    "*",
                    preflight
                            .headers()
                            .firstValue("access-control-allow-origin")
                            .orElse(""));
        }
    }

    @Test
    void defaultLocalOrigins_comeFromTheLocalPorts() throws Exception {
        ServeOptions options = new CommandLineParser(Map.of()).parseServe(List.of());
        assertEquals(
                List.of(
                        "http://localhost:3000",
                        "http://127.0.0.1:3000",
                        "http://localhost:3001",
                        "http://127.0.0.1:3001"),
                options.corsFor(List.of(3000, 3001)).allowOrigins());
        ServeOptions explicit =
                new CommandLineParser(Map.of()).parseServe(List.of("--cors-allow-origins", "https://a.example"));
        assertEquals(
                List.of("https://a.example"),
                explicit.corsFor(List.of(3000, 3001)).allowOrigins());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/events/./2024-01-01",
                "/events/../events/2024-01-01",
                "//events/2024-01-01",
                "/events//2024-01-01",
                "/events/%2e%2e/events",
                "/events/2024-01-01/.",
                "/events/.%2E/x?limit=5"
            })
    void dotAndEmptySegments_get400BeforeAnySignatureCheck(String target) throws Exception {
        try (GatewayFixture api =
                GatewayFixture.echo("--iam", "--iam-access-key", "AKIDLOCAL", "--iam-secret-key", "local-secret")) {
            int port = api.api.port();
            RawExchange.Answer answer = RawExchange.send(port, "GET", target, RawExchange.host("127.0.0.1", port), "");
            assertEquals(400, answer.status(), answer.body());
            assertTrue(answer.body().startsWith("{\"message\":\"Bad Request: the path has"), answer.body());
        }
    }

    @Test
    void aTargetThatHttpReadsAsAnAuthority_isRefusedByTheHttpServerBeforeTheGateway() throws Exception {
        // "//events" is, to java.net.URI, an authority with an empty path: the JDK's server answers 404 itself
        // without calling any handler, so neither routing nor the signature check sees it.
        try (GatewayFixture api =
                GatewayFixture.echo("--iam", "--iam-access-key", "AKIDLOCAL", "--iam-secret-key", "local-secret")) {
            int port = api.api.port();
            RawExchange.Answer answer =
                    RawExchange.send(port, "GET", "//events", RawExchange.host("127.0.0.1", port), "");
            assertEquals(404, answer.status(), answer.body());
            assertTrue(api.accessLogLines().isEmpty(), api.accessLogLines().toString());
        }
    }

    @Test
    void aSignatureForOnePath_isNotTriedOnItsDotSegmentSpelling() throws Exception {
        try (GatewayFixture api =
                GatewayFixture.echo("--iam", "--iam-access-key", "AKIDLOCAL", "--iam-secret-key", "local-secret")) {
            int port = api.api.port();
            HttpRequest signed = new SdkSigning("AKIDLOCAL", "local-secret", "us-east-1")
                    .headerSigned("GET", api.uri("/events/2024-01-01"), Map.of(), "");
            Map<String, String> headers = new LinkedHashMap<>(RawExchange.host("127.0.0.1", port));
            signed.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
            assertEquals(
                    200,
                    RawExchange.send(port, "GET", "/events/2024-01-01", headers, "")
                            .status());
            assertEquals(
                    400,
                    RawExchange.send(port, "GET", "/events/./2024-01-01", headers, "")
                            .status());
            assertEquals(
                    400,
                    RawExchange.send(port, "GET", "/events/x/../2024-01-01", headers, "")
                            .status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/events/", "/", "/events/2024-01-01/"})
    void aTrailingSlash_isLeftToRouting_whichAnswers404(String target) throws Exception {
        try (GatewayFixture api = GatewayFixture.echo()) {
            int port = api.api.port();
            assertEquals(
                    404,
                    RawExchange.send(port, "GET", target, RawExchange.host("127.0.0.1", port), "")
                            .status());
        }
    }
}
