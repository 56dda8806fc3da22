package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Test helper: payload 2.0 event files for {@code invoke}, made by the runner's own {@code generate-event}. */
public final class EventFiles {

    private EventFiles() {}

    /** Writes to {@code file} the event of {@code POST /events} with {@code body}, as {@code serve} would hand it over. */
    public static Path post(Path file, String body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new RunnerCli(
                        LocalRunner.HANDLERS,
                        Map.of(),
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("generate-event", "post", "--body", body);
        assertEquals(RunnerCli.OK, status, err.toString(StandardCharsets.UTF_8));
        return Files.write(file, out.toByteArray());
    }
}
