package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.local.data.EventLinesFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export}, {@code import} and {@code erase-user} on data files, run as a user types them: a log survives an
 * export and an import byte for byte, an import tells each line's outcome, and an erased user is gone from every
 * export.
 */
class DataCommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        RunnerCli cli = new RunnerCli(
                LocalRunner::handler,
                Map.of(),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    @Test
    void exportImportExport_throughTwoDataFiles_givesIdenticalBytes_inKeyOrder() throws IOException {
        List<EventRecord> events = EventLinesFixture.events(3_000, 7);
        Path input = write("input.ndjson", EventLinesFixture.shuffledLines(events));
        String first = dir.resolve("first.ndjson").toString();
        String second = dir.resolve("second.ndjson").toString();

        assertEquals(RunnerCli.OK, run("import", "--in", input.toString(), "--data", dir + "/a.ndjson"), stderr());
        assertTrue(stderr().contains("3000 created, 0 already stored"), stderr());
        assertEquals(RunnerCli.OK, run("export", "--data", dir + "/a.ndjson", "--out", first), stderr());
        assertEquals(RunnerCli.OK, run("import", "--in", first, "--data", dir + "/b.ndjson"), stderr());
        assertEquals(RunnerCli.OK, run("export", "--data", dir + "/b.ndjson", "--out", second), stderr());

        assertArrayEquals(Files.readAllBytes(Path.of(first)), Files.readAllBytes(Path.of(second)));
        assertEquals(EventLinesFixture.linesInKeyOrder(events), Files.readAllLines(Path.of(first)));

        assertEquals(RunnerCli.OK, run("import", "--in", first, "--data", dir + "/b.ndjson"), stderr());
        assertTrue(stderr().contains("0 created, 3000 already stored"), stderr());
    }

    @Test
    void exportToStdout_ofADayARangeAndAUser_writesExactlyTheirEvents() throws IOException {
        List<EventRecord> events = EventLinesFixture.events(500, 5);
        Path data = dir.resolve("log.ndjson");
        assertEquals(
                RunnerCli.OK,
                run(
                        "import",
                        "--in",
                        write("in.ndjson", EventLinesFixture.shuffledLines(events))
                                .toString(),
                        "--data",
                        data.toString()));

        assertEquals(RunnerCli.OK, run("export", "--data", data.toString(), "--date", "2024-07-02"));
        assertEquals(
                EventLinesFixture.linesInKeyOrder(events.stream()
                        .filter(e -> e.key().date().toString().equals("2024-07-02"))
                        .toList()),
                stdout().lines().toList());

        assertEquals(RunnerCli.OK, run("export", "--data", data.toString(), "--user", "user-3"));
        assertEquals(
                EventLinesFixture.linesInKeyOrder(
                        events.stream().filter(e -> e.userId().equals("user-3")).toList()),
                stdout().lines().toList());

        assertEquals(
                RunnerCli.OK,
                run("export", "--data", data.toString(), "--from", "2024-07-02T12:00:00", "--to", "2024-07-04"));
        assertEquals(
                EventLinesFixture.linesInKeyOrder(events.stream()
                        .filter(e -> (e.key().date() + "T" + e.key().time()).compareTo("2024-07-02T12:00:00") >= 0
                                && e.key().date().toString().compareTo("2024-07-04") < 0)
                        .toList()),
                stdout().lines().toList());
    }

    @Test
    void anImport_tellsEachLinesOutcome_withItsNumber_andFailsWhenAnyLineWasNotStored() throws IOException {
        String valid =
                "{\"date\":\"2024-07-01\",\"time\":\"08:00:00\",\"eventId\":\"k1\",\"userId\":\"u1\",\"eventType\":\"login\"}";
        Path input = write(
                "mixed.ndjson",
                List.of(
                        valid,
                        valid,
                        "{\"date\":\"2024-07-01\",\"time\":\"08:00:00\",\"eventId\":\"k1\",\"userId\":\"u2\",\"eventType\":\"login\"}",
                        "{\"date\":\"2024-07-01\",",
                        "{\"userId\":\"u3\",\"eventType\":\"login\"}",
                        "{\"date\":\"2024-07-01\",\"time\":\"09:00:00\",\"userId\":\"u3\",\"eventType\":\"\"}",
                        "",
                        "{\"date\":\"2024-07-01\",\"time\":\"10:00:00\",\"userId\":\"u4\",\"eventType\":\"logout\"}"));
        String data = dir.resolve("log.ndjson").toString();

        assertEquals(RunnerCli.FAILED, run("import", "--in", input.toString(), "--data", data));

        String report = stderr();
        assertTrue(report.contains("line 3: conflicting"), report);
        assertTrue(report.contains("line 4: invalid"), report);
        assertTrue(report.contains("line 5: invalid: has no date and time"), report);
        assertTrue(report.contains("line 6: invalid: eventType"), report);
        assertFalse(report.contains("line 1:") || report.contains("line 2:") || report.contains("line 8:"), report);
        assertTrue(report.contains("2 created, 1 already stored, 1 conflicting, 3 invalid"), report);
        assertEquals(2, Files.readAllLines(Path.of(data)).size());

        String strictData = dir.resolve("strict.ndjson").toString();
        assertEquals(RunnerCli.FAILED, run("import", "--in", input.toString(), "--data", strictData, "--strict"));
        assertTrue(stderr().contains("1 created, 1 already stored, 1 conflicting, 0 invalid; stopped there"), stderr());
        assertEquals(1, Files.readAllLines(Path.of(strictData)).size(), "nothing after the first bad line is stored");
    }

    @Test
    void eraseUser_dryRunCounts_thenErases_andRerunningFindsNothing() throws IOException {
        List<EventRecord> events = EventLinesFixture.events(300, 3);
        Path data = dir.resolve("log.ndjson");
        run(
                "import",
                "--in",
                write("in.ndjson", EventLinesFixture.shuffledLines(events)).toString(),
                "--data",
                data.toString());
        long theirs = events.stream().filter(e -> e.userId().equals("user-2")).count();

        assertEquals(RunnerCli.OK, run("erase-user", "--data", data.toString(), "--user", "user-2", "--dry-run"));
        assertTrue(stdout().startsWith("would erase " + theirs + " events of user 'user-2' on 2024-07-01 ("), stdout());
        assertEquals(RunnerCli.OK, run("erase-user", "--data", data.toString(), "--user", "user-2"));
        assertTrue(stdout().startsWith("erased " + theirs + " events"), stdout());
        assertEquals(RunnerCli.OK, run("erase-user", "--data", data.toString(), "--user", "user-2"));
        assertTrue(stdout().startsWith("erased 0 events"), stdout());

        assertEquals(RunnerCli.OK, run("export", "--data", data.toString()));
        assertEquals(
                EventLinesFixture.linesInKeyOrder(events.stream()
                        .filter(e -> !e.userId().equals("user-2"))
                        .toList()),
                stdout().lines().toList());
    }

    @Test
    void refusedCommands_sayWhy_inOneLine_andWriteNothing() throws IOException {
        Path existing = Files.writeString(dir.resolve("taken.ndjson"), "keep me\n");

        assertEquals(RunnerCli.USAGE, run("export", "--out", existing.toString()));
        assertTrue(stderr().contains("exists"), stderr());
        assertEquals("keep me\n", Files.readString(existing));

        assertEquals(
                RunnerCli.USAGE,
                run("import", "--in", dir.resolve("missing.ndjson").toString()));
        assertTrue(stderr().contains("not a readable file"), stderr());

        assertEquals(RunnerCli.USAGE, run("erase-user", "--user", "u1"));
        assertTrue(stderr().contains("--data FILE or --store dynamodb"), stderr());

        assertEquals(RunnerCli.USAGE, run("export", "--resume", "not-a-token"));
        assertTrue(stderr().contains("is not a resume point"), stderr());

        assertEquals(RunnerCli.USAGE, run("export", "--date", "2024-07-01", "--from", "2024-07-01"));
        assertEquals(1, stderr().lines().count(), stderr());

        assertEquals(RunnerCli.FAILED, run("export", "--data", existing.toString()));
        assertTrue(stderr().contains("line 1"), stderr());
        assertEquals("keep me\n", Files.readString(existing));
    }
}
