package dev.eventlog.lambda;

import static dev.eventlog.lambda.LambdaRuntimeProcess.eventFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The deployed configuration end to end: the shaded jar in the real runtime client, the store wired from
 * {@code TABLE_NAME} and the Lambda environment, on a DynamoDB-protocol server (dynalite) on loopback.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LambdaRuntimeDynamoDbIT {

    private static final String TABLE = "events-runtime";

    @TempDir
    static Path taskRoot;

    private static DynaliteServer dynamoDb;
    private static LambdaRuntimeProcess runtime;

    @BeforeAll
    static void start() throws IOException {
        dynamoDb = DynaliteServer.start();
        DynamoDbEventLog.createTable(dynamoDb.client(), TABLE);
        runtime = LambdaRuntimeProcess.start(
                taskRoot,
                Map.of(
                        "TABLE_NAME", TABLE,
                        "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                        "AWS_ACCESS_KEY_ID", "AKIDLOCAL",
                        "AWS_SECRET_ACCESS_KEY", "local-secret",
                        "AWS_SESSION_TOKEN", "local-session"));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }

    @Test
    void eventsRoundTripThroughTheTable() throws Exception {
        assertEquals(
                201,
                runtime.invoke(eventFile("post-event-iam.json"))
                        .get("statusCode")
                        .getAsInt());
        assertEquals(
                200,
                runtime.invoke(eventFile("post-event-iam.json"))
                        .get("statusCode")
                        .getAsInt());

        JsonObject found = runtime.invoke(eventFile("get-event.json"));

        assertEquals(200, found.get("statusCode").getAsInt(), found::toString);
        assertTrue(found.get("body").getAsString().contains("\"userId\":\"user-1\""));
        assertEquals(
                "user-1",
                dynamoDb.client()
                        .getItem(b -> b.tableName(TABLE)
                                .consistentRead(true)
                                .key(Map.of(
                                        "date",
                                        AttributeValue.fromS("2024-05-01"),
                                        "time",
                                        AttributeValue.fromS("14:19:00.000#075968f8574ff35e"))))
                        .item()
                        .get("userId")
                        .s());
    }
}
