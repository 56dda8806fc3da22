package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunnerCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        RunnerCli cli = new RunnerCli(
                store -> new EchoHandler(),
                Map.of(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "serve --port",
                "serve --port 70000",
                "serve --port abc",
                "serve --bogus",
                "serve extra",
                "serve --store redis",
                "serve --table x",
                "serve --store dynamodb --endpoint-url ftp://x",
                "serve --region Mars",
                "serve --iam",
                "serve --iam-access-key K --iam-secret-key S",
                "serve --cors-max-age -1",
                "serve --cors-allow-methods GE-T",
                "serve --iam=yes",
                "serve --console-port 70000",
                "serve --console-port x",
                "serve --no-console --console-port 3005",
                "serve --port 3005 --console-port 3005",
                "serve --no-console=yes",
                "serve --cors-allow-credentials --cors-allow-origins *",
                "serve --allowed-hosts http://x.example",
                "serve --allowed-hosts x.example:3000",
                "invoke",
                "invoke --event",
                "invoke --event - --event -",
                "invoke --event /nonexistent/event.json",
                "frobnicate",
                "",
                "serve --write-shards 2",
                "serve --store dynamodb --write-shards 0",
                "serve --store dynamodb --write-shards 65",
                "backfill-user-index --store memory",
                "backfill-user-index --create-table",
                "backfill-user-index --write-shards x",
                "backfill-user-index --port 3000"
            })
    void badCommandLine_printsOneLineError_andExitsWith2(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(RunnerCli.USAGE, run("", args));
        assertEquals(1, stderr().lines().count(), stderr());
        assertTrue(stderr().startsWith("error: "), stderr());
        assertTrue(!stderr().contains("Exception"), stderr());
    }

    @Test
    void help_listsCommandsAndOptions_andExitsWith0() {
        assertEquals(RunnerCli.OK, run("", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : List.of(
                "serve",
                "invoke",
                "--port",
                "--host",
                "--store",
                "--table",
                "--endpoint-url",
                "--region",
                "--create-table",
                "--cors-allow-origins",
                "--cors-allow-methods",
                "--cors-allow-headers",
                "--iam",
                "--iam-access-key",
                "--iam-secret-key",
                "--iam-credentials-file",
                "--access-log",
                "--console-port",
                "--no-console",
                "--event",
                "--allowed-hosts",
                "generate-event",
                "--path",
                "--query",
                "--body")) {
            assertTrue(help.contains(option), option);
        }
        assertTrue(help.contains("visible to every local user (ps)"), help);
    }

    @Test
    void invoke_runsEachEventInOrder_andPrintsOneJsonLineEach(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.json");
        Files.writeString(first, event("GET /events", "/events"));
        String second = event("GET /events/{date}", "/events/2024-01-02");
        assertEquals(RunnerCli.OK, run(second, "invoke", "--event", first.toString(), "--event", "-"));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size());
        JsonObject response = JsonParser.parseString(lines.get(1)).getAsJsonObject();
        assertEquals(200, response.get("statusCode").getAsInt());
        JsonObject echoed =
                JsonParser.parseString(response.get("body").getAsString()).getAsJsonObject();
        assertEquals("/events/2024-01-02", echoed.get("rawPath").getAsString());
    }

    @Test
    void invoke_withAnEventThatIsNotJson_failsBeforeRunningAnything(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(good, event("GET /events", "/events"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{not json");
        assertEquals(RunnerCli.USAGE, run("", "invoke", "--event", good.toString(), "--event", bad.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(stderr().contains("bad.json"), stderr());
    }

    @Test
    void serveOnATakenPort_failsWithOneLine() throws Exception {
        try (GatewayFixture running = GatewayFixture.echo()) {
            assertEquals(
                    RunnerCli.FAILED, run("", "serve", "--port", Integer.toString(running.api.port()), "--no-console"));
            assertEquals(1, stderr().lines().count(), stderr());
            assertTrue(stderr().contains("cannot listen on 127.0.0.1:" + running.api.port()), stderr());
            assertTrue(stderr().contains("--port"), stderr());
        }
    }

    @Test
    void serveWithAGivenConsolePortThatIsTaken_failsWithOneLineSayingHowToGoOn() throws Exception {
        try (GatewayFixture running = GatewayFixture.echo()) {
            String taken = Integer.toString(running.api.port());
            assertEquals(RunnerCli.FAILED, run("", "serve", "--port", "0", "--console-port", taken));
            assertEquals(1, stderr().lines().count(), stderr());
            assertTrue(stderr().contains(":" + taken + " for the console"), stderr());
            assertTrue(stderr().contains("--console-port 0"), stderr());
            assertTrue(stderr().contains("--no-console"), stderr());
        }
    }

    @Test
    void serveBanner_saysWhereWhatStoreAndThatAuthIsOff() throws Exception {
        try (GatewayFixture running = GatewayFixture.echo()) {
            String banner = running.console();
            assertTrue(banner.contains(running.api.url()), banner);
            assertTrue(banner.contains("in-memory"), banner);
            assertTrue(banner.contains("WARNING: authentication is off"), banner);
        }
    }

    static String event(String routeKey, String path) {
        return """
                {"version":"2.0","routeKey":"%s","rawPath":"%s","rawQueryString":"",
                 "headers":{"host":"localhost"},
                 "requestContext":{"requestId":"r1","routeKey":"%s","stage":"$default",
                   "http":{"method":"GET","path":"%s","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"t"}},
                 "isBase64Encoded":false}
                """.formatted(routeKey, path, routeKey, path);
    }
}
