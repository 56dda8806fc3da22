package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.local.EventFiles;
import dev.eventlog.local.LocalRunner;
import dev.eventlog.local.RunnerCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code invoke} sends DynamoDB only what its requests need (no description of the table before the first one,
 * which would be a tenth of its start-up), yet a missing table still ends it with status 1 and the table's name.
 * The operations are read off the wire, between the runner and dynalite.
 */
class InvokeTableReadsTest {

    private static final String BODY = "{\"userId\":\"alice\",\"eventType\":\"login\"}";

    private static DynaliteServer dynalite;

    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startDynalite() {
        dynalite = DynaliteServer.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.stop();
    }

    private int invoke(String table, Path event) throws Exception {
        RequestGate recording = request -> {
            String target = request.header("x-amz-target");
            operations.add(target == null ? "?" : target.substring(target.indexOf('.') + 1));
            return null;
        };
        try (FaultProxy wire = FaultProxy.start(dynalite.endpoint(), recording)) {
            return new RunnerCli(
                            LocalRunner.HANDLERS,
                            Map.of(),
                            new ByteArrayInputStream(new byte[0]),
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(
                            "invoke",
                            "--store",
                            "dynamodb",
                            "--endpoint-url",
                            wire.endpoint().toString(),
                            "--region",
                            "us-east-1",
                            "--table",
                            table,
                            "--event",
                            event.toString());
        }
    }

    @Test
    void onAnExistingTable_theFirstOperationIsTheRequestsOwn(@TempDir Path dir) throws Exception {
        DynamoDbEventLog.createTable(dynalite.client(), "invoke-reads");
        Path event = EventFiles.post(dir.resolve("post.json"), BODY);

        assertEquals(RunnerCli.OK, invoke("invoke-reads", event), err.toString(StandardCharsets.UTF_8));

        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"statusCode\":201"), out.toString());
        assertFalse(operations.contains("DescribeTable"), operations.toString());
        assertTrue(operations.contains("PutItem"), operations.toString());
    }

    @Test
    void onAMissingTable_printsTheResponse_thenNamesTheTable_andExitsWith1(@TempDir Path dir) throws Exception {
        Path event = EventFiles.post(dir.resolve("post.json"), BODY);

        assertEquals(RunnerCli.FAILED, invoke("invoke-no-such-table", event));

        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"statusCode\":500"), out.toString());
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("error: DynamoDB table 'invoke-no-such-table' does not exist"), message);
        assertTrue(message.contains("--create-table"), message);
        // The description is read only once the request has failed.
        assertEquals("DescribeTable", operations.get(operations.size() - 1), operations.toString());
        assertFalse(operations.subList(0, operations.size() - 1).contains("DescribeTable"), operations.toString());
    }
}
