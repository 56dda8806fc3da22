package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** {@code invoke} shows the function's EMF line in the function log (stderr), as CloudWatch would receive it. */
class FunctionLogMetricsTest {

    @Test
    void invoke_printsTheEmfLineToTheFunctionLog_andOnlyTheResponseToStdout(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream cliErr = new ByteArrayOutputStream();
        ByteArrayOutputStream functionLog = new ByteArrayOutputStream();
        String body = "{\"date\":\"2024-06-01\",\"time\":\"09:30:00\",\"userId\":\"alice\",\"eventType\":\"login\"}";
        RunnerCli generate = new RunnerCli(
                LocalRunner.HANDLERS,
                Map.of(),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(cliErr, true, StandardCharsets.UTF_8));
        assertEquals(RunnerCli.OK, generate.run(new String[] {"generate-event", "post", "--body", body}));
        Path event = dir.resolve("post.json");
        Files.writeString(event, out.toString(StandardCharsets.UTF_8));
        out.reset();

        PrintStream stderr = System.err;
        System.setErr(new PrintStream(functionLog, true, StandardCharsets.UTF_8));
        try {
            RunnerCli invoke = new RunnerCli(
                    LocalRunner.HANDLERS,
                    Map.of(),
                    new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(cliErr, true, StandardCharsets.UTF_8));
            assertEquals(RunnerCli.OK, invoke.run(new String[] {"invoke", "--event", event.toString()}));
        } finally {
            System.setErr(stderr);
        }

        List<JsonObject> emf = functionLog
                .toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("{"))
                .map(line -> JsonParser.parseString(line).getAsJsonObject())
                .filter(line -> line.has("_aws"))
                .toList();
        assertEquals(1, emf.size(), functionLog.toString(StandardCharsets.UTF_8));
        assertEquals("POST /events", emf.get(0).get("Route").getAsString());
        assertEquals(1, emf.get(0).get("EventsCreated").getAsInt());
        assertEquals(1, emf.get(0).get("ColdStart").getAsInt());
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertFalse(stdout.contains("_aws"), stdout);
        assertTrue(stdout.contains("\"statusCode\":201"), stdout);
    }
}
