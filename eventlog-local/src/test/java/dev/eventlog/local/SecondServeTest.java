package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A second {@code serve} on the same machine: the console's usual port (here a port the test holds, standing for
 * 3001) gives way to a free one unless a port was given; the API's port never does.
 */
class SecondServeTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final ByteArrayOutputStream banner = new ByteArrayOutputStream();

    private RunningApi serve(int usualConsolePort, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(options));
        return ServeCommand.start(
                new CommandLineParser(Map.of()).parseServe(args),
                usualConsolePort,
                LocalRunner::handler,
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(banner, true, StandardCharsets.UTF_8));
    }

    private static ServerSocket occupied() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private String banner() {
        return banner.toString(StandardCharsets.UTF_8);
    }

    @Test
    void usualConsolePortTaken_consoleTakesAFreeOne_saysSo_andCorsLetsItIn() throws Exception {
        try (ServerSocket first = occupied();
                RunningApi second = serve(first.getLocalPort(), "--port", "0")) {
            int console = second.consolePort().orElseThrow();
            assertNotEquals(first.getLocalPort(), console);
            assertTrue(banner().contains("console: http://127.0.0.1:" + console + "/"), banner());
            assertTrue(banner().contains("Port " + first.getLocalPort() + " was taken"), banner());
            for (String origin : List.of("http://127.0.0.1:" + console, "http://localhost:" + console)) {
                HttpResponse<String> preflight = CLIENT.send(
                        HttpRequest.newBuilder(URI.create(second.url() + "/events"))
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .header("Origin", origin)
                                .header("Access-Control-Request-Method", "POST")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(204, preflight.statusCode(), origin);
                assertEquals(
                        origin,
                        preflight
                                .headers()
                                .firstValue("access-control-allow-origin")
                                .orElse(""));
            }
            HttpResponse<String> page = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(second.consoleUrl().orElseThrow()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
        }
    }

    @Test
    void usualConsolePortFree_consoleTakesIt_andSaysNothingOfIt() throws Exception {
        int usual;
        try (ServerSocket probe = occupied()) {
            usual = probe.getLocalPort();
        }
        try (RunningApi api = serve(usual, "--port", "0")) {
            assertEquals(usual, api.consolePort().orElseThrow());
            assertTrue(!banner().contains("was taken"), banner());
        }
    }

    @Test
    void givenConsolePortTaken_failsNamingThePortAndTheWayOut() throws Exception {
        try (ServerSocket taken = occupied()) {
            String port = Integer.toString(taken.getLocalPort());
            IOException failure =
                    assertThrows(IOException.class, () -> serve(1, "--port", "0", "--console-port", port));
            assertTrue(failure.getMessage().contains("127.0.0.1:" + port + " for the console"), failure.getMessage());
            assertTrue(failure.getMessage().contains("--console-port 0"), failure.getMessage());
            assertTrue(failure.getMessage().contains("--no-console"), failure.getMessage());
        }
    }

    @Test
    void apiPortTaken_failsNamingThePortAndSuggestingAnother_evenWhenTheConsoleCouldStart() throws Exception {
        try (ServerSocket taken = occupied()) {
            String port = Integer.toString(taken.getLocalPort());
            IOException failure =
                    assertThrows(IOException.class, () -> serve(1, "--port", port, "--console-port", "0"));
            assertTrue(failure.getMessage().contains("127.0.0.1:" + port), failure.getMessage());
            assertTrue(failure.getMessage().contains("--port"), failure.getMessage());
        }
    }
}
