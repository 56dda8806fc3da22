package dev.eventlog.lambda;

import static dev.eventlog.lambda.LambdaRuntimeProcess.eventFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The shaded jar in the real Lambda runtime interface client, with the production constructor and an
 * in-memory store ({@code EVENTLOG_STORE=memory}): the handler string, constructor and payload mapping the CDK
 * relies on, proven by requests that round-trip through the runtime's own serialization.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LambdaRuntimeIT {

    @TempDir
    static Path taskRoot;

    private static LambdaRuntimeProcess runtime;

    @BeforeAll
    static void startRuntime() throws IOException {
        runtime = LambdaRuntimeProcess.start(taskRoot, Map.of("EVENTLOG_STORE", "memory"));
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void postThenGet_roundTripsThroughTheRuntime() throws Exception {
        JsonObject created = runtime.invoke(eventFile("post-event-iam.json"));
        assertEquals(201, created.get("statusCode").getAsInt(), created::toString);
        JsonObject headers = created.getAsJsonObject("headers");
        assertEquals("/events/2024-05-01/14:19:00.000/075968f8574ff35e", headers.get("Location").getAsString());
        assertEquals("application/json", headers.get("Content-Type").getAsString());

        JsonObject found = runtime.invoke(eventFile("get-event.json"));
        assertEquals(200, found.get("statusCode").getAsInt(), found::toString);
        JsonObject event = JsonParser.parseString(found.get("body").getAsString()).getAsJsonObject();
        assertEquals("user-1", event.get("userId").getAsString());
        assertEquals("14:19:00.000", event.get("time").getAsString());
    }

    @Test
    void base64BatchAndDayRoute_workThroughTheRuntime() throws Exception {
        assertEquals(201, runtime.invoke(eventFile("post-event-base64.json")).get("statusCode").getAsInt());
        assertEquals(201, runtime.invoke(eventFile("post-batch.json")).get("statusCode").getAsInt());
        JsonObject day = runtime.invoke(eventFile("get-events-of-day.json"));
        JsonObject page = JsonParser.parseString(day.get("body").getAsString()).getAsJsonObject();
        assertTrue(page.get("Count").getAsInt() >= 1, page::toString);
    }

    @Test
    void badRequest_isAProblemNotAnInvocationError() throws Exception {
        String event = eventFile("post-event-iam.json").replace("\"body\": \"{", "\"body\": \"{{");

        JsonObject reply = runtime.invoke(event);

        assertEquals(400, reply.get("statusCode").getAsInt(), reply::toString);
        assertEquals("application/problem+json", reply.getAsJsonObject("headers").get("Content-Type").getAsString());
    }

    @Test
    void snapStartPriming_ranBeforeTheCheckpoint() throws Exception {
        JsonObject primed = runtime.invoke(eventFile("default-route-get-event.json")
                .replace("/events/2024-05-01/14:19:00.000", "/events/1970-01-01/00:00:00.000"));

        assertTrue(runtime.restored(), "the runtime asked for its restore after the checkpoint hooks ran");
        assertEquals(200, primed.get("statusCode").getAsInt(), primed::toString);
        assertTrue(primed.get("body").getAsString().contains("snapstart-priming"));
    }

    @Test
    void accessLog_reachesTheFunctionOutput() throws Exception {
        runtime.invoke(eventFile("get-events.json"));

        assertTrue(runtime.output().contains("\"routeKey\":\"GET /events\""), runtime.output());
        assertFalse(runtime.initFailed());
    }

    @Test
    void shadedJar_holdsNoNettyNoApacheClientAndNoLoggingFramework() throws IOException {
        Path jar = LambdaRuntimeProcess.lambdaJar();
        List<String> forbidden = List.of("io/netty/", "org/apache/http/", "software/amazon/awssdk/http/apache/",
                "software/amazon/awssdk/http/apache5/", "software/amazon/awssdk/http/nio/", "org/slf4j/impl/",
                "ch/qos/logback/", "org/apache/logging/log4j/core/");
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                forbidden.stream().filter(name::startsWith).findFirst().ifPresent(found::add);
            }
            assertTrue(zip.getEntry("dev/eventlog/lambda/EventLogHandler.class") != null);
            assertTrue(zip.getEntry("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class") != null,
                    "the JDK-based HTTP client is the one the store uses");
        }
        assertEquals(List.of(), found.stream().distinct().toList());
        System.out.printf("eventlog-lambda.jar: %d bytes%n", Files.size(jar));
    }
}
