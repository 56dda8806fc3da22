package dev.eventlog.lambda;

import static dev.eventlog.lambda.HandlerFixture.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production wiring on a DynamoDB-protocol server (dynalite): the store chosen from the environment as
 * Lambda sets it, the API's round trip and SnapStart priming on it, and a missing table answered without internals.
 */
class DynamoDbWiringTest {

    private static DynaliteServer server;

    @BeforeAll
    static void startServer() {
        server = DynaliteServer.start();
        DynamoDbEventLog.createTable(server.client(), "events-handler");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void tableNameInTheEnvironment_wiresTheDynamoDbStore() {
        HandlerFixture api = new HandlerFixture(StoreWiring.fromEnvironment(environment("events-handler")));
        assertInstanceOf(DynamoDbEventLog.class, api.store);

        assertEquals(201, api.call(ApiEvents.load("post-event-iam.json")).status());
        assertEquals(200, api.call(ApiEvents.load("post-event-iam.json")).status());
        api.post(HandlerFixture.eventWithId("2024-05-01", "14:19:00", HandlerFixture.USER_1_LOGIN_ID, "someone-else", "login"))
                .assertProblem(409);
        assertEquals("user-1", api.call(ApiEvents.load("get-event.json")).string("userId"));
        assertEquals(1, api.call(ApiEvents.load("get-events-by-date.json")).body().get("Count").getAsInt());
        assertEquals(201, api.call(ApiEvents.load("post-batch.json")).status());
        assertEquals(2, api.call(ApiEvents.listEvents("from=2024-05-02T00:00:00&to=2024-05-03T00:00:00")).items().size());
    }

    @Test
    void priming_worksOnDynamoDbAndIsHarmlessWhenRepeated() {
        HandlerFixture api = new HandlerFixture(StoreWiring.fromEnvironment(environment("events-handler")));
        SnapStartPriming priming = SnapStartPriming.register(api.handler);

        int[] first = priming.prime();
        assertArrayEquals(new int[] {200, 200}, priming.prime());

        assertEquals(200, first[1]);
        assertEquals("snapstart-priming", api.call(ApiEvents.get("GET /events/{date}/{time}", "/events/1970-01-01/00:00:00.000",
                null, Map.of("date", "1970-01-01", "time", "00:00:00.000"))).items().get(0).getAsJsonObject().get("eventType").getAsString());
    }

    @Test
    void missingTable_is500WithoutInternals() {
        HandlerFixture api = new HandlerFixture(StoreWiring.fromEnvironment(environment("no-such-table")));

        HttpReply reply = api.call(ApiEvents.load("get-events-by-date.json")).assertProblem(500);

        assertFalse(reply.body().toString().contains("no-such-table"));
        assertFalse(api.logLines().get(0).get("error").getAsString().isEmpty());
    }

    private static Map<String, String> environment(String table) {
        return Map.of(
                "TABLE_NAME", table,
                "AWS_REGION", "ap-northeast-1",
                "AWS_ENDPOINT_URL_DYNAMODB", server.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "AKIDLOCAL",
                "AWS_SECRET_ACCESS_KEY", "local-secret");
    }
}
