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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --retention-days} gives the local store and the handler the deployed function's retention rule. */
class RetentionDaysTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new RunnerCli(
                        LocalRunner.HANDLERS,
                        Map.of(),
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private Path postEvent(Path dir, String name, String date) throws Exception {
        String body = "{\"date\":\"" + date + "\",\"time\":\"09:30:00\",\"userId\":\"alice\",\"eventType\":\"login\"}";
        assertEquals(RunnerCli.OK, run("generate-event", "post", "--body", body), err.toString(StandardCharsets.UTF_8));
        Path file = dir.resolve(name);
        Files.writeString(file, out.toString(StandardCharsets.UTF_8));
        return file;
    }

    @Test
    void invoke_withRetentionDays_refusesAnExpiredEvent_andRecordsARecentOne(@TempDir Path dir) throws Exception {
        Path old = postEvent(dir, "old.json", "2020-01-01");
        Path recent =
                postEvent(dir, "recent.json", LocalDate.now(ZoneOffset.UTC).toString());

        assertEquals(
                RunnerCli.OK,
                run("invoke", "--retention-days", "7", "--event", old.toString(), "--event", recent.toString()),
                err.toString(StandardCharsets.UTF_8));

        String[] responses = out.toString(StandardCharsets.UTF_8).split("\n");
        JsonObject refused = JsonParser.parseString(responses[0]).getAsJsonObject();
        assertEquals(400, refused.get("statusCode").getAsInt());
        String problem = refused.get("body").getAsString();
        assertTrue(problem.contains("\"field\":\"date\"") && problem.contains("7 days"), problem);
        assertEquals(
                201,
                JsonParser.parseString(responses[1])
                        .getAsJsonObject()
                        .get("statusCode")
                        .getAsInt());
    }

    @Test
    void retentionDaysOutOfRange_isAUsageError() {
        assertEquals(2, run("invoke", "--retention-days", "0", "--event", "x.json"));
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("--retention-days"),
                err.toString(StandardCharsets.UTF_8));
    }
}
