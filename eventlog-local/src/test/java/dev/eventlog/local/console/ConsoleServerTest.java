package dev.eventlog.local.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.local.CommandLineParser;
import dev.eventlog.local.CorsPolicy;
import dev.eventlog.local.LocalRunner;
import dev.eventlog.local.RunningApi;
import dev.eventlog.local.ServeCommand;
import dev.eventlog.local.ServeOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's own server: its few files, its config, and nothing else; and the API port knows none of it. */
class ConsoleServerTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ServedConsole served;

    @BeforeAll
    static void start() throws Exception {
        served = ServedConsole.start();
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    private static HttpResponse<String> send(String method, String url) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String consoleAt(String path) {
        return served.consoleUrl() + path.substring(1);
    }

    @Test
    void pageStylesAndScript_areServedWithTheirTypes_andNeverCached() throws Exception {
        for (List<String> file : List.of(
                List.of("/", "text/html; charset=utf-8", "<title>EventLog console"),
                List.of("/index.html", "text/html; charset=utf-8", "<title>EventLog console"),
                List.of("/console.css", "text/css; charset=utf-8", ":root"),
                List.of("/console.js", "text/javascript; charset=utf-8", "EVENTLOG_CONSOLE_CONFIG"))) {
            HttpResponse<String> response = send("GET", consoleAt(file.get(0)));
            assertEquals(200, response.statusCode(), file.get(0));
            assertEquals(
                    file.get(1), response.headers().firstValue("content-type").orElse(""), file.get(0));
            assertEquals(
                    "no-store", response.headers().firstValue("cache-control").orElse(""), file.get(0));
            assertEquals(
                    "nosniff",
                    response.headers().firstValue("x-content-type-options").orElse(""));
            assertTrue(response.body().contains(file.get(2)), file.get(0));
        }
    }

    @Test
    void configScript_tellsThePageWhereTheApiIs_andThatIamIsOff() throws Exception {
        HttpResponse<String> config = send("GET", consoleAt("/config.js"));
        assertEquals(200, config.statusCode());
        assertEquals(
                "text/javascript; charset=utf-8",
                config.headers().firstValue("content-type").orElse(""));
        assertTrue(config.body().contains("\"apiUrl\":\"" + served.api.url() + "\""), config.body());
        assertTrue(config.body().contains("\"iam\":false"), config.body());
    }

    @Test
    void configScript_saysWhenIamIsOn() throws Exception {
        try (ServedConsole withIam = ServedConsole.start(
                "--iam", "--iam-access-key", "AKIDCONSOLETEST", "--iam-secret-key", "console-test-secret")) {
            String config = send("GET", withIam.consoleUrl() + "config.js").body();
            assertTrue(config.contains("\"iam\":true"), config);
            assertTrue(withIam.banner().contains("does not sign requests"), withIam.banner());
        }
    }

    @Test
    void head_answersTheHeadersWithoutABody() throws Exception {
        HttpResponse<String> head = send("HEAD", consoleAt("/console.js"));
        assertEquals(200, head.statusCode());
        assertEquals(
                "text/javascript; charset=utf-8",
                head.headers().firstValue("content-type").orElse(""));
        assertEquals("", head.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS"})
    void otherMethods_areRefusedWith405(String method) throws Exception {
        HttpResponse<String> refused = send(method, consoleAt("/index.html"));
        assertEquals(405, refused.statusCode());
        assertEquals("GET, HEAD", refused.headers().firstValue("allow").orElse(""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/nothing.html",
                "/console.js/",
                "/index.html.bak",
                "/ConsoleServer.class",
                "/dev/eventlog/local/console/index.html",
                "/%2e%2e/%2e%2e/pom.xml",
                "/console%2ejs"
            })
    void anythingElse_is404(String path) throws Exception {
        HttpResponse<String> missing = send("GET", consoleAt(path));
        assertEquals(404, missing.statusCode(), path);
        assertEquals("no-store", missing.headers().firstValue("cache-control").orElse(""));
    }

    @Test
    void dotDotSegments_sentAsIs_reachNothing() throws Exception {
        // Sent over a raw socket: HTTP clients would resolve the dots before sending.
        int port = served.api.consolePort().orElseThrow();
        for (String path : List.of("/../pom.xml", "/../../../../etc/passwd", "/x/../console.js", "//index.html")) {
            String answer = raw(port, path, "Host: 127.0.0.1:" + port + "\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 404"), path + " -> " + answer);
        }
    }

    /** The page's config names the API's address, port and auth mode: no other site may read it by DNS rebinding. */
    @ParameterizedTest
    @ValueSource(strings = {"Host: evil.example:PORT\r\n", "Host: localhost:1\r\n", "Host: 127.0.0.1\r\n", ""})
    void aForeignOrMissingHost_isRefused_likeOnTheApiPort(String hostLine) throws Exception {
        int port = served.api.consolePort().orElseThrow();
        for (String path : List.of("/config.js", "/")) {
            String answer = raw(port, path, hostLine.replace("PORT", Integer.toString(port)));

            assertTrue(answer.startsWith("HTTP/1.1 403"), path + " -> " + answer);
            assertTrue(answer.contains("--allowed-hosts") || answer.contains("exactly one Host header"), answer);
            assertFalse(answer.contains("EVENTLOG_CONSOLE_CONFIG"), answer);
        }
        assertTrue(raw(port, "/config.js", "Host: localhost:" + port + "\r\n").startsWith("HTTP/1.1 200"));
    }

    private static String raw(int port, String path, String hostLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\n" + hostLine + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/console.js", "/console.css", "/config.js"})
    void theApiPort_doesNotServeTheConsole(String path) throws Exception {
        HttpResponse<String> api = send("GET", served.api.url() + path);
        assertEquals(404, api.statusCode(), path);
        assertEquals("{\"message\":\"Not Found\"}", api.body());
    }

    @Test
    void defaultCors_letsTheConsolesOriginIn() throws Exception {
        for (String origin : List.of(
                served.consoleOrigin(),
                "http://localhost:" + served.api.consolePort().orElseThrow())) {
            HttpResponse<String> preflight = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(served.api.url() + "/events"))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .header("Origin", origin)
                            .header("Access-Control-Request-Method", "POST")
                            .header("Access-Control-Request-Headers", "content-type")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, preflight.statusCode());
            assertTrue(
                    preflight
                            .headers()
                            .firstValue("access-control-allow-origin")
                            .isPresent(),
                    origin);
        }
    }

    @Test
    void banner_printsTheConsolesUrl() {
        assertTrue(served.banner().contains("console: " + served.consoleUrl()), served.banner());
        assertFalse(served.banner().contains("not among the CORS origins"), served.banner());
    }

    @Test
    void originsThatLeaveTheConsoleOut_areKept_andTheBannerSaysSo() throws Exception {
        try (ServedConsole narrow = ServedConsole.start("--cors-allow-origins", "https://app.example")) {
            assertTrue(narrow.banner().contains("origins https://app.example\n"), narrow.banner());
            assertTrue(narrow.banner().contains("not among the CORS origins"), narrow.banner());
        }
        try (ServedConsole noCors = ServedConsole.start("--no-cors")) {
            assertTrue(noCors.banner().contains("CORS is off (--no-cors)"), noCors.banner());
        }
    }

    @Test
    void noConsole_servesOnlyTheApi_withTheDefaultOrigins() throws Exception {
        ServeOptions options = new CommandLineParser(Map.of()).parseServe(List.of("--port", "0", "--no-console"));
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        try (RunningApi apiOnly = ServeCommand.start(
                options,
                LocalRunner::handler,
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(banner, true, StandardCharsets.UTF_8))) {
            assertTrue(apiOnly.consoleUrl().isEmpty());
            assertFalse(banner.toString(StandardCharsets.UTF_8).contains("console:"));
            assertTrue(options.localCorsOrigins());
            assertEquals(
                    CorsPolicy.localOrigins(List.of(apiOnly.port())),
                    options.corsFor(List.of(apiOnly.port())).allowOrigins());
        }
    }

    @Test
    void defaultOrigins_areBothLocalNamesOfTheApiAndOfTheConsole() throws Exception {
        ServeOptions options = new CommandLineParser(Map.of()).parseServe(List.of("--port", "3000"));
        assertEquals(
                List.of(
                        "http://localhost:3000",
                        "http://127.0.0.1:3000",
                        "http://localhost:3001",
                        "http://127.0.0.1:3001"),
                options.corsFor(List.of(3000, 3001)).allowOrigins());
    }
}
