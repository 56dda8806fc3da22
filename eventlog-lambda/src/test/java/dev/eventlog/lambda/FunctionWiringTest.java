package dev.eventlog.lambda;

import static dev.eventlog.lambda.HandlerFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.http.DeployedFunction;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The production wiring on a DynamoDB-protocol server (dynalite): the store built from the environment as Lambda
 * sets it, the API's round trip and SnapStart priming on it, and a missing table answered without internals.
 */
class FunctionWiringTest {

    private static final String TABLE = "events-handler";
    private static DynaliteServer server;

    @BeforeAll
    static void startServer() {
        server = DynaliteServer.start();
        DynamoDbEventLog.createTable(server.client(), TABLE);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void tableNameInTheEnvironment_wiresTheDynamoDbStore() {
        HandlerFixture api = new HandlerFixture(
                FunctionWiring.fromEnvironment(environment(TABLE)).store());
        assertInstanceOf(DynamoDbEventLog.class, api.store);

        assertEquals(201, api.call(ApiEvents.load("post-event-iam.json")).status());
        assertEquals(200, api.call(ApiEvents.load("post-event-iam.json")).status());
        api.given(HandlerFixture.eventWithId("2024-04-30", "14:19:01", "order-1", "user-1", "login"));
        api.post(HandlerFixture.eventWithId("2024-04-30", "14:19:01", "order-1", "someone-else", "login"))
                .assertProblem(409);
        assertEquals("user-1", api.call(ApiEvents.load("get-event.json")).string("userId"));
        assertEquals(
                1,
                api.call(ApiEvents.load("get-events-by-date.json"))
                        .body()
                        .get("Count")
                        .getAsInt());
        assertEquals(201, api.call(ApiEvents.load("post-batch.json")).status());
        assertEquals(
                2,
                api.call(ApiEvents.listEvents("from=2024-05-02T00:00:00&to=2024-05-03T00:00:00"))
                        .items()
                        .size());
    }

    @Test
    void priming_onDynamoDb_leavesTheTableAsItWas() {
        FunctionWiring wiring = FunctionWiring.fromEnvironment(environment(TABLE));
        HandlerFixture api = new HandlerFixture(wiring.store());
        List<Map<String, AttributeValue>> before = scan();

        List<Integer> statuses =
                SnapStartPriming.of(api.handler, wiring.store()).prime();

        assertEquals(
                List.of(201, 200, 404, 200),
                statuses,
                "a would-be POST, an empty millisecond, a read of a missing event, a day read");
        assertEquals(before, scan());
    }

    @Test
    void noTableName_isRefusedAtStartWithAClearMessage() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> FunctionWiring.fromEnvironment(Map.of()));
        assertTrue(e.getMessage().contains(DeployedFunction.TABLE_NAME_VARIABLE), e.getMessage());
        assertThrows(
                IllegalStateException.class,
                () -> FunctionWiring.fromEnvironment(Map.of(DeployedFunction.TABLE_NAME_VARIABLE, " ")));
    }

    @Test
    void missingTable_is500WithoutInternals() {
        HandlerFixture api = new HandlerFixture(
                FunctionWiring.fromEnvironment(environment("no-such-table")).store());

        HttpReply reply = api.call(ApiEvents.load("get-events-by-date.json")).assertProblem(500);

        assertFalse(reply.body().toString().contains("no-such-table"));
        assertFalse(api.logLines().get(0).get("error").getAsString().isEmpty());
    }

    @Test
    void retentionDaysInTheEnvironment_refusesExpiredEvents_andStampsExpiresAt() {
        Map<String, String> environment = new HashMap<>(environment(TABLE));
        environment.put(DeployedFunction.RETENTION_DAYS_VARIABLE, "30");
        FunctionWiring wiring = FunctionWiring.fromEnvironment(environment);
        EventLogHandler handler =
                new EventLogHandler(wiring.service(), new PrintStream(OutputStream.nullOutputStream()));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        HttpReply old = HttpReply.of(handler.handleRequest(
                ApiEvents.post(event("2024-05-01", "10:00:00", "retention-user", "login")), null));
        HttpReply recent = HttpReply.of(
                handler.handleRequest(ApiEvents.post(event(today, "00:00:00", "retention-user", "login")), null));

        old.assertProblem(400);
        assertEquals(List.of("date"), old.errorFields());
        assertTrue(old.errorMessage("date").contains("30 days"), old.errorMessage("date"));
        assertEquals(201, recent.status());
        assertTrue(
                scan().stream().anyMatch(item -> item.get("date").s().equals(today) && item.containsKey("expiresAt")));
    }

    @Test
    void invalidRetentionDays_isRefusedAtStartNamingTheVariable() {
        Map<String, String> environment = new HashMap<>(environment(TABLE));
        environment.put(DeployedFunction.RETENTION_DAYS_VARIABLE, "forever");

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> FunctionWiring.fromEnvironment(environment));

        assertTrue(e.getMessage().contains(DeployedFunction.RETENTION_DAYS_VARIABLE), e.getMessage());
    }

    private static List<Map<String, AttributeValue>> scan() {
        return server.client()
                .scan(b -> b.tableName(TABLE).consistentRead(true))
                .items();
    }

    private static Map<String, String> environment(String table) {
        return Map.of(
                DeployedFunction.TABLE_NAME_VARIABLE,
                table,
                "AWS_REGION",
                "ap-northeast-1",
                "AWS_ENDPOINT_URL_DYNAMODB",
                server.endpoint().toString(),
                "AWS_ACCESS_KEY_ID",
                "AKIDLOCAL",
                "AWS_SECRET_ACCESS_KEY",
                "local-secret");
    }
}
