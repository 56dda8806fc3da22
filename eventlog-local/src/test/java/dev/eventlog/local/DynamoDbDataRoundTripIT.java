package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.local.data.EventLinesFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log moved out of DynamoDB (dynalite) and into a data file and out again is the same log, byte for byte; and
 * {@code erase-user} on DynamoDB leaves no event of the user in any export. The size is
 * {@code -Deventlog.roundTripEvents} (default 20,000; bench/run.sh runs 100,000 and reports the rates).
 */
class DynamoDbDataRoundTripIT {

    private static final int EVENTS = Integer.getInteger("eventlog.roundTripEvents", 20_000);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(List<String> args) {
        out.reset();
        err.reset();
        return new RunnerCli(
                        LocalRunner::handler,
                        Map.of(),
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
    }

    private static List<String> with(List<String> store, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(store);
        return all;
    }

    @Test
    void exportFromDynamoDb_importIntoADataFile_andExportAgain_givesIdenticalBytes_thenAnEraseLeavesNoTrace()
            throws IOException {
        List<EventRecord> events = EventLinesFixture.events(EVENTS, 30);
        Path input = Files.write(dir.resolve("input.ndjson"), EventLinesFixture.shuffledLines(events));
        Path fromTable = dir.resolve("from-table.ndjson");
        Path fromFile = dir.resolve("from-file.ndjson");
        Path data = dir.resolve("log.ndjson");

        try (DynaliteServer dynalite = DynaliteServer.start()) {
            List<String> table = List.of(
                    "--store",
                    "dynamodb",
                    "--endpoint-url",
                    dynalite.endpoint().toString(),
                    "--table",
                    "round-trip",
                    "--region",
                    "us-east-1");
            List<String> create = new ArrayList<>(table);
            create.add("--create-table");

            assertEquals(RunnerCli.OK, run(with(create, "import", "--in", input.toString())), err.toString());
            assertEquals(RunnerCli.OK, run(with(table, "export", "--out", fromTable.toString())), err.toString());
            assertEquals(
                    RunnerCli.OK,
                    run(List.of("import", "--in", fromTable.toString(), "--data", data.toString())),
                    err.toString());
            assertEquals(
                    RunnerCli.OK,
                    run(List.of("export", "--data", data.toString(), "--out", fromFile.toString())),
                    err.toString());

            assertArrayEquals(Files.readAllBytes(fromTable), Files.readAllBytes(fromFile));
            assertEquals(EventLinesFixture.linesInKeyOrder(events), Files.readAllLines(fromTable));

            long theirs =
                    events.stream().filter(e -> e.userId().equals("user-4")).count();
            assertEquals(RunnerCli.OK, run(with(table, "erase-user", "--user", "user-4", "--dry-run")));
            assertTrue(out.toString().startsWith("would erase " + theirs + " events"), out.toString());
            assertEquals(RunnerCli.OK, run(with(table, "erase-user", "--user", "user-4")), err.toString());
            assertTrue(out.toString().startsWith("erased " + theirs + " events"), out.toString());

            assertEquals(RunnerCli.OK, run(with(table, "export", "--user", "user-4")));
            assertEquals("", out.toString());
            assertEquals(RunnerCli.OK, run(with(table, "export", "--date", "2024-07-05")));
            assertEquals(
                    EventLinesFixture.linesInKeyOrder(events.stream()
                            .filter(e -> !e.userId().equals("user-4"))
                            .filter(e -> e.key().date().toString().equals("2024-07-05"))
                            .toList()),
                    out.toString().lines().toList());
        }
    }
}
