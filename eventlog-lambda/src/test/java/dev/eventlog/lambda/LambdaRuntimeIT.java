package dev.eventlog.lambda;

import static dev.eventlog.lambda.LambdaRuntimeProcess.eventFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar in the real Lambda runtime interface client, with the production constructor on a
 * DynamoDB-protocol server (dynalite): the handler string, constructor and payload mapping the CDK relies on,
 * proven by requests that round-trip through the runtime's own serialization.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LambdaRuntimeIT {

    @TempDir
    static Path taskRoot;

    private static final String TABLE = "events-runtime-it";

    private static DynaliteServer dynamoDb;
    private static LambdaRuntimeProcess runtime;

    @BeforeAll
    static void startRuntime() throws IOException {
        dynamoDb = DynaliteServer.start();
        DynamoDbEventLog.createTable(dynamoDb.client(), TABLE);
        runtime = LambdaRuntimeProcess.start(
                taskRoot,
                Map.of(
                        "TABLE_NAME",
                        TABLE,
                        "AWS_ENDPOINT_URL_DYNAMODB",
                        dynamoDb.endpoint().toString(),
                        "AWS_ACCESS_KEY_ID",
                        "AKIDLOCAL",
                        "AWS_SECRET_ACCESS_KEY",
                        "local-secret"));
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }

    @Test
    void postThenGet_roundTripsThroughTheRuntime() throws Exception {
        JsonObject created = runtime.invoke(eventFile("post-event-iam.json"));
        assertEquals(201, created.get("statusCode").getAsInt(), created::toString);
        JsonObject headers = created.getAsJsonObject("headers");
        assertEquals(
                "/events/2024-05-01/14:19:00.000/075968f8574ff35e",
                headers.get("Location").getAsString());
        assertEquals("application/json", headers.get("Content-Type").getAsString());

        JsonObject found = runtime.invoke(eventFile("get-event.json"));
        assertEquals(200, found.get("statusCode").getAsInt(), found::toString);
        JsonObject event =
                JsonParser.parseString(found.get("body").getAsString()).getAsJsonObject();
        assertEquals("user-1", event.get("userId").getAsString());
        assertEquals("14:19:00.000", event.get("time").getAsString());
    }

    @Test
    void base64BatchAndDayRoute_workThroughTheRuntime() throws Exception {
        // Days no other test writes, so each day's count is exactly the events this test sent to it.
        String base64Post = eventFile("post-event-base64.json");
        JsonObject base64Event = JsonParser.parseString(base64Post).getAsJsonObject();
        String decoded =
                new String(Base64.getDecoder().decode(base64Event.get("body").getAsString()), StandardCharsets.UTF_8);
        base64Event.addProperty(
                "body",
                Base64.getEncoder()
                        .encodeToString(
                                decoded.replace("2024-05-01", "2024-06-01").getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                201, runtime.invoke(base64Event.toString()).get("statusCode").getAsInt());
        assertEquals(
                201,
                runtime.invoke(eventFile("post-batch.json").replace("2024-05-02", "2024-06-02"))
                        .get("statusCode")
                        .getAsInt());

        JsonObject base64Day = dayPage("2024-06-01");
        assertEquals(1, base64Day.get("Count").getAsInt(), base64Day::toString);
        assertEquals(
                "user-2",
                base64Day
                        .getAsJsonArray("Items")
                        .get(0)
                        .getAsJsonObject()
                        .get("userId")
                        .getAsString());
        JsonObject batchDay = dayPage("2024-06-02");
        assertEquals(2, batchDay.get("Count").getAsInt(), batchDay::toString);
    }

    private static JsonObject dayPage(String date) throws Exception {
        JsonObject day = runtime.invoke(eventFile("get-events-of-day.json").replace("2024-05-01", date));
        assertEquals(200, day.get("statusCode").getAsInt(), day::toString);
        return JsonParser.parseString(day.get("body").getAsString()).getAsJsonObject();
    }

    @Test
    void badRequest_isAProblemNotAnInvocationError() throws Exception {
        String event = eventFile("post-event-iam.json").replace("\"body\": \"{", "\"body\": \"{{");

        JsonObject reply = runtime.invoke(event);

        assertEquals(400, reply.get("statusCode").getAsInt(), reply::toString);
        assertEquals(
                "application/problem+json",
                reply.getAsJsonObject("headers").get("Content-Type").getAsString());
    }

    @Test
    void snapStartPriming_ranBeforeTheCheckpointAndWroteNothing() throws Exception {
        JsonObject primed = runtime.invoke(eventFile("default-route-get-event.json")
                .replace("/events/2024-05-01/14:19:00.000", "/events/1970-01-01/00:00:00.000"));

        assertTrue(runtime.restored(), "the runtime asked for its restore after the checkpoint hooks ran");
        assertEquals(200, primed.get("statusCode").getAsInt(), primed::toString);
        assertEquals(
                0,
                JsonParser.parseString(primed.get("body").getAsString())
                        .getAsJsonObject()
                        .get("Count")
                        .getAsInt(),
                "the millisecond priming read holds no event");
        assertEquals(
                0,
                dynamoDb.client().scan(b -> b.tableName(TABLE).consistentRead(true)).items().stream()
                        .filter(item -> item.get("date").s().startsWith("1970"))
                        .count());
    }

    @Test
    void shadedJar_isTheFunctionOnly_noLocalRunnerNoInMemoryStoreNoPublisherNoMainClass() throws IOException {
        try (ZipFile zip = new ZipFile(LambdaRuntimeProcess.lambdaJar().toFile())) {
            List<String> strays = zip.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("dev/eventlog/local/")
                            || name.startsWith("dev/eventlog/inmemory/")
                            || name.startsWith("dev/eventlog/core/publish/"))
                    .toList();
            assertEquals(List.of(), strays);
            ZipEntry manifestEntry = zip.getEntry("META-INF/MANIFEST.MF");
            String manifest = manifestEntry == null
                    ? ""
                    : new String(
                            zip.getInputStream(manifestEntry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertFalse(manifest.contains("Main-Class"), manifest);
        }
    }

    @Test
    void accessLog_reachesTheFunctionOutput() throws Exception {
        runtime.invoke(eventFile("get-events.json"));

        assertTrue(runtime.output().contains("\"routeKey\":\"GET /events\""), runtime.output());
        assertFalse(runtime.initFailed());
        // The SDK's log has a binding (slf4j-simple, warnings and errors only), so SLF4J has nothing to complain of.
        assertFalse(runtime.output().contains("SLF4J:"), runtime.output());
    }

    @Test
    void shadedJar_holdsNoNettyNoApacheClientAndNoLoggingFrameworkBeyondSlf4jSimple() throws IOException {
        Path jar = LambdaRuntimeProcess.lambdaJar();
        List<String> forbidden = List.of(
                "io/netty/",
                "org/apache/http/",
                "software/amazon/awssdk/http/apache/",
                "software/amazon/awssdk/http/apache5/",
                "software/amazon/awssdk/http/nio/",
                "ch/qos/logback/",
                "org/apache/logging/log4j/core/");
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                forbidden.stream().filter(name::startsWith).findFirst().ifPresent(found::add);
            }
            assertTrue(zip.getEntry("dev/eventlog/lambda/EventLogHandler.class") != null);
            assertTrue(
                    zip.getEntry("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class") != null,
                    "the JDK-based HTTP client is the one the store uses");
            assertTrue(
                    zip.getEntry("org/slf4j/impl/SimpleLogger.class") != null
                            && zip.getEntry("simplelogger.properties") != null,
                    "the SDK's SLF4J log goes to slf4j-simple, set to warnings and errors");
        }
        assertEquals(List.of(), found.stream().distinct().toList());
        System.out.printf("eventlog-lambda.jar: %d bytes%n", Files.size(jar));
    }
}
