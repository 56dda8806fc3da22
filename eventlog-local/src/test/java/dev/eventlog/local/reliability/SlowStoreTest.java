package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.dynamodb.StoreCallTimeouts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A store that applies every call but answers each only after 30 s, behind {@code serve} with the DynamoDB client
 * the deployed function uses. Each request must end in a 503 with {@code Retry-After} at least 3 s before the
 * function's 20 s timeout, so the caller can tell a slow write from a lost one; and once the store answers again, a
 * retry of the write that was applied late is answered {@code existing}, never a conflict.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SlowStoreTest {

    /** The deployed function's timeout (pinned to the CDK app's by a test there) less the 3 s an answer must spare. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20 - 3);

    private static final Duration STORE_ANSWERS_AFTER = Duration.ofSeconds(30);
    private static final String TABLE = "slow";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aStoreThatAnswersAfter30s_gets503WithRetryAfterInTime_andTheLateWriteIsExistingOnRetry() throws Exception {
        assertEquals(
                Duration.ofSeconds(20), StoreCallTimeouts.FUNCTION_TIMEOUT, "the budget below is for a 20 s function");
        try (DynaliteServer dynalite = DynaliteServer.start();
                FaultProxy proxy = FaultProxy.start(dynalite.endpoint(), RequestGate.FORWARD_ALL)) {
            DynamoDbEventLog.createTable(dynalite.client(), TABLE);
            try (LocalServe serve = LocalServe.onDynamoDb(LocalServe.discard(), proxy.endpoint(), TABLE)) {
                // While the store still answers, one write records the table's layout (its write shards), which the
                // store then knows; from here on every call is answered late.
                assertEquals(
                        201,
                        post(serve.port(), event("2024-08-31", "10:00:00.000", "before-the-slowdown"))
                                .statusCode());
                proxy.holdAnswers(STORE_ANSWERS_AFTER);
                String single = event("2024-09-01", "10:00:00.001", "late-single");
                StringBuilder batch = new StringBuilder("[");
                for (int i = 0; i < 25; i++) {
                    batch.append(i == 0 ? "" : ",")
                            .append(event("2024-09-02", String.format("10:00:00.%03d", i + 1), "late-batch"));
                }
                String fullBatch = batch.append(']').toString();

                // A single event, and a full batch: the longest chain of store calls one request can make.
                for (String body : List.of(single, fullBatch)) {
                    long started = System.nanoTime();
                    HttpResponse<String> response = post(serve.port(), body);
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    System.out.printf(
                            "[slow store] %s answered %d after %d ms%n",
                            body.startsWith("[") ? "batch of 25" : "single event",
                            response.statusCode(),
                            took.toMillis());
                    assertEquals(503, response.statusCode(), response.body());
                    assertNotNull(
                            response.headers().firstValue("Retry-After").orElse(null), "a 503 says when to retry");
                    assertTrue(
                            took.compareTo(ANSWER_WITHIN) < 0,
                            "answered after " + took.toMillis() + " ms, not within " + ANSWER_WITHIN);
                }
                assertTrue(
                        proxy.counts().forwardedCount() >= 26,
                        "the writes reached the store: " + proxy.counts().forwardedCount());

                proxy.holdAnswers(Duration.ZERO);
                HttpResponse<String> retried = post(serve.port(), single);
                // A single event that already exists as sent is a 200 with the stored event (a new one would be 201).
                assertEquals(200, retried.statusCode(), "the late write is already stored: " + retried.body());
                assertEquals(JsonParser.parseString(single), JsonParser.parseString(retried.body()));

                HttpResponse<String> batchRetried = post(serve.port(), fullBatch);
                assertEquals(200, batchRetried.statusCode(), batchRetried.body());
                JsonArray results = JsonParser.parseString(batchRetried.body())
                        .getAsJsonObject()
                        .getAsJsonArray("results");
                List<String> outcomes = new ArrayList<>();
                results.forEach(result ->
                        outcomes.add(result.getAsJsonObject().get("outcome").getAsString()));
                assertEquals(java.util.Collections.nCopies(25, "existing"), outcomes, batchRetried.body());
            }
        }
    }

    private HttpResponse<String> post(int port, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String event(String date, String time, String user) {
        JsonObject json = new JsonObject();
        json.addProperty("date", date);
        json.addProperty("time", time);
        // A given id: the write is one conditional put, with no look-up for an item written before ids existed.
        json.addProperty("eventId", user + "-" + time.replace(':', '-'));
        json.addProperty("userId", user);
        json.addProperty("eventType", "slow-store");
        return json.toString();
    }
}
