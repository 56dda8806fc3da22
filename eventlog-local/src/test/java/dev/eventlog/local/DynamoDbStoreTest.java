package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@code --store dynamodb} options open a working store on any endpoint, here dynalite on loopback, and a missing
 * table stops the runner at start.
 */
class DynamoDbStoreTest {

    private static DynaliteServer dynalite;

    @BeforeAll
    static void startDynalite() {
        dynalite = DynaliteServer.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.stop();
    }

    @Test
    void storeOptions_withEndpointAndCreateTable_openATableThatRoundTrips() throws Exception {
        StoreOptions options = new CommandLineParser(Map.of())
                .parseInvoke(List.of(
                        "--event",
                        "unused.json",
                        "--store",
                        "dynamodb",
                        "--endpoint-url",
                        dynalite.endpoint().toString(),
                        "--table",
                        "runner-store",
                        "--region",
                        "us-east-1",
                        "--create-table"))
                .store();
        try (OpenedStore store = StoreFactory.open(options)) {
            EventRecord event = new EventRecord(EventKey.parse("2024-07-01", "08:00:00", "runner-1"), "u1", "login");
            assertEquals(AppendOutcome.CREATED, store.port().append(event).outcome());
            assertEquals(AppendOutcome.EXISTING, store.port().append(event).outcome());
            assertEquals(event, store.port().find(event.key()).orElseThrow());
        }
        assertTrue(options.describe().contains("runner-store"));
    }

    @Test
    void writeShards_reachTheStore() throws Exception {
        StoreOptions options = new CommandLineParser(Map.of())
                .parseInvoke(List.of(
                        "--event",
                        "unused.json",
                        "--store",
                        "dynamodb",
                        "--endpoint-url",
                        dynalite.endpoint().toString(),
                        "--table",
                        "runner-shards",
                        "--create-table",
                        "--write-shards",
                        "3"))
                .store();
        try (OpenedStore store = StoreFactory.open(options)) {
            assertEquals(3, ((DynamoDbEventLog) store.port()).writeShards());
        }
        assertTrue(options.describe().contains("3 write shards"), options.describe());
    }

    @Test
    void backfillUserIndex_putsOldItemsIntoTheIndex_printsCounts_andCanRunAgain() throws Exception {
        String table = "runner-backfill";
        StoreOptions options = new CommandLineParser(Map.of())
                .parseInvoke(List.of(
                        "--event",
                        "unused.json",
                        "--store",
                        "dynamodb",
                        "--endpoint-url",
                        dynalite.endpoint().toString(),
                        "--table",
                        table,
                        "--create-table"))
                .store();
        try (OpenedStore store = StoreFactory.open(options)) {
            // An item of the original system's layout: no '#' in the range key, no eventId, no at.
            dynalite.client()
                    .putItem(r -> r.tableName(table)
                            .item(Map.of(
                                    "date",
                                    AttributeValue.fromS("2024-07-02"),
                                    "time",
                                    AttributeValue.fromS("09:15:00"),
                                    "userId",
                                    AttributeValue.fromS("frank"),
                                    "eventType",
                                    AttributeValue.fromS("login"))));
            EventQuery frank = new EventQuery(new QueryScope.AllEvents(), "frank", null, SortOrder.DESC, 10);
            assertEquals(List.of(), store.port().query(frank, Optional.empty()).items());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RunnerCli cli = new RunnerCli(
                    LocalRunner::handler,
                    Map.of(),
                    new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            String[] command = {
                "backfill-user-index",
                "--endpoint-url",
                dynalite.endpoint().toString(),
                "--table",
                table,
                "--region",
                "us-east-1",
                "--write-shards",
                "1"
            };

            assertEquals(RunnerCli.OK, cli.run(command));
            assertTrue(
                    out.toString(StandardCharsets.UTF_8).contains("added to the index 1"),
                    out.toString(StandardCharsets.UTF_8));
            assertEquals(1, store.port().query(frank, Optional.empty()).items().size());
            out.reset();
            assertEquals(RunnerCli.OK, cli.run(command));
            assertTrue(
                    out.toString(StandardCharsets.UTF_8).contains("done: ")
                            && out.toString(StandardCharsets.UTF_8).contains("added to the index 0"),
                    out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void serveOnAMissingTable_exitsWith1_namingTheTable() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunnerCli cli = new RunnerCli(
                LocalRunner::handler,
                Map.of(),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            // Were the table not checked, serve would listen and never return: the bounded wait catches that.
            Future<Integer> status = runner.submit(() -> cli.run(
                    "serve",
                    "--port",
                    "0",
                    "--store",
                    "dynamodb",
                    "--endpoint-url",
                    dynalite.endpoint().toString(),
                    "--table",
                    "no-such-table"));
            assertEquals(RunnerCli.FAILED, status.get(60, TimeUnit.SECONDS));
        } finally {
            runner.shutdownNow();
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("'no-such-table'"), message);
        assertTrue(message.contains("does not exist"), message);
        assertTrue(message.contains("--create-table"), message);
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void serveWithDynamoDbOutOfReach_startsAndSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (GatewayFixture api = GatewayFixture.with(
                LocalRunner::handler,
                "--store",
                "dynamodb",
                "--endpoint-url",
                "http://127.0.0.1:" + closedPort,
                "--table",
                "unreachable-table")) {
            assertTrue(
                    api.console().contains("warning: could not check DynamoDB table 'unreachable-table'"),
                    api.console());
            assertEquals(503, api.get("/events/2024-01-01").statusCode());
        }
    }

    @Test
    void serveOnATableMadeBeforeTheUserIndex_servesItsEvents_andSaysWhatQueriesByUserNeed() throws Exception {
        String table = "runner-no-index";
        dynalite.createTableWithoutUserIndex(table);
        try (GatewayFixture api = GatewayFixture.with(
                LocalRunner::handler,
                "--store",
                "dynamodb",
                "--endpoint-url",
                dynalite.endpoint().toString(),
                "--table",
                table)) {
            assertTrue(
                    api.console().contains("warning: DynamoDB table 'runner-no-index' has no 'byUser' index"),
                    api.console());
            assertTrue(api.console().contains("backfill-user-index"), api.console());
            assertEquals(200, api.get("/events/2024-01-01").statusCode());
            assertEquals(200, api.get("/events?date=2021-08-28&userId=u10").statusCode());
            var history = api.get("/events?userId=alice");
            assertEquals(400, history.statusCode());
            assertTrue(history.body().contains("'byUser'"), history.body());
        }
    }

    @Test
    void aStoreWithAnotherNumberOfWriteShards_isRefusedAtStart() throws Exception {
        String table = "runner-recorded-shards";
        DynamoDbEventLog.createTable(dynalite.client(), table);
        DynamoDbEventLog.builder()
                .client(dynalite.client())
                .tableName(table)
                .writeShards(4)
                .build()
                .append(new dev.eventlog.core.domain.EventRecord(
                        dev.eventlog.core.domain.EventTime.parse("2024-05-02", "12:00:00.000")
                                .withId("x"),
                        "erin",
                        "view"));
        StoreOptions options = new CommandLineParser(Map.of())
                .parseInvoke(List.of(
                        "--event",
                        "unused.json",
                        "--store",
                        "dynamodb",
                        "--endpoint-url",
                        dynalite.endpoint().toString(),
                        "--table",
                        table))
                .store();

        StoreConfigurationException refused =
                assertThrows(StoreConfigurationException.class, () -> StoreFactory.open(options, warning -> {}));

        assertTrue(refused.getMessage().contains("first written with 4 write shards"), refused.getMessage());
    }

    @Test
    void aTableWithOtherKeys_stopsTheRunner_withoutSuggestingCreateTable() throws Exception {
        dynalite.client()
                .createTable(r -> r.tableName("runner-foreign")
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .billingMode("PAY_PER_REQUEST"));
        StoreOptions options = new CommandLineParser(Map.of())
                .parseInvoke(List.of(
                        "--event",
                        "unused.json",
                        "--store",
                        "dynamodb",
                        "--endpoint-url",
                        dynalite.endpoint().toString(),
                        "--table",
                        "runner-foreign"))
                .store();

        StoreConfigurationException refused =
                assertThrows(StoreConfigurationException.class, () -> StoreFactory.open(options, warning -> {}));

        assertTrue(refused.getMessage().contains("'runner-foreign' exists with key schema"), refused.getMessage());
        // --create-table leaves an existing table as it is, so it would not help here.
        assertFalse(refused.getMessage().contains("--create-table"), refused.getMessage());
    }
}
