package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.http.RequestBody;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real handler and the in-memory store behind the local gateway: every row of the API contract over HTTP. */
class LocalApiEndToEndTest {

    private static GatewayFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = GatewayFixture.with(LocalRunner::handler);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static String event(String date, String time, String userId, String eventType) {
        return "{\"date\":\"" + date + "\",\"time\":\"" + time + "\",\"userId\":\"" + userId + "\",\"eventType\":\""
                + eventType + "\"}";
    }

    @Test
    void aGzipBatch_isRecorded_andAnotherCodingRefused() throws Exception {
        byte[] batch = ("[" + event("2024-03-09", "10:00:00", "z1", "login") + ","
                        + event("2024-03-09", "10:00:01", "z1", "logout") + "]")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder post = api.request("/events").header("Content-Type", "application/json");

        HttpResponse<String> created = api.send(post.copy()
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RequestBody.gzip(batch)))
                .build());
        HttpResponse<String> refused = api.send(post.copy()
                .header("Content-Encoding", "br")
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch))
                .build());

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(2, json(api.get("/events?date=2024-03-09")).get("Count").getAsInt());
        assertEquals(415, refused.statusCode(), refused.body());
        assertEquals("gzip", refused.headers().firstValue("accept-encoding").orElse(""));
    }

    @Test
    void postingOneEvent_createsIt_retryingIsSafe_andOtherContentConflicts() throws Exception {
        HttpResponse<String> created = api.post("/events", event("2024-03-01", "10:00:00", "u1", "login"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(
                "/events/2024-03-01/10:00:00.000/fe4292809bde1ba7",
                created.headers().firstValue("location").orElse(""));
        assertEquals("10:00:00.000", json(created).get("time").getAsString());

        HttpResponse<String> again = api.post("/events", event("2024-03-01", "10:00:00.000", "u1", "login"));
        assertEquals(200, again.statusCode(), again.body());

        HttpResponse<String> squat = api.post(
                "/events",
                event("2024-03-01", "10:00:00", "u2", "login").replace("{", "{\"eventId\":\"fe4292809bde1ba7\","));
        assertEquals(400, squat.statusCode(), "u1's derived id is not u2's to take: " + squat.body());

        String withId = event("2024-03-01", "10:00:00", "u1", "login").replace("{", "{\"eventId\":\"order-1\",");
        assertEquals(201, api.post("/events", withId).statusCode());
        HttpResponse<String> conflict = api.post("/events", withId.replace("\"u1\"", "\"u2\""));
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertEquals(
                "application/problem+json",
                conflict.headers().firstValue("content-type").orElse(""));

        HttpResponse<String> stored = api.get("/events/2024-03-01/10:00:00.000");
        assertEquals(200, stored.statusCode());
        assertEquals(
                "u1",
                json(stored)
                        .getAsJsonArray("Items")
                        .get(0)
                        .getAsJsonObject()
                        .get("userId")
                        .getAsString());
    }

    @Test
    void postingWithoutDateAndTime_stampsTheCurrentTime() throws Exception {
        HttpResponse<String> created = api.post("/events", "{\"userId\":\"u9\",\"eventType\":\"stamp\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = json(created);
        assertTrue(body.get("date").getAsString().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertTrue(body.get("time").getAsString().matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3}"));
    }

    @Test
    void bodyWithoutContentType_isAccepted_likeTheOriginalClients() throws Exception {
        HttpResponse<String> created = api.send(api.request("/events")
                .POST(HttpRequest.BodyPublishers.ofString(event("2024-03-02", "08:00:00", "u1", "raw")))
                .build());
        assertEquals(201, created.statusCode(), created.body());
    }

    @Test
    void batch_reportsEachOutcome_andItsStatusFollowsTheWorstOne() throws Exception {
        String batch = "[" + event("2024-03-03", "09:00:00", "u1", "a") + ","
                + event("2024-03-03", "09:00:01", "u1", "b") + "]";
        HttpResponse<String> created = api.post("/events", batch);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(2, json(created).get("created").getAsInt());

        HttpResponse<String> retried = api.post("/events", batch);
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals(2, json(retried).get("existing").getAsInt());

        String withId = event("2024-03-03", "09:00:00", "u1", "a").replace("{", "{\"eventId\":\"order-3\",");
        assertEquals(201, api.post("/events", withId).statusCode());
        HttpResponse<String> mixed = api.post(
                "/events",
                "[" + withId.replace("\"u1\"", "\"u2\"") + "," + event("2024-03-03", "09:00:02", "u1", "c") + "]");
        assertEquals(409, mixed.statusCode(), mixed.body());
        JsonArray results = json(mixed).getAsJsonArray("results");
        assertEquals("conflict", results.get(0).getAsJsonObject().get("outcome").getAsString());
        assertEquals("created", results.get(1).getAsJsonObject().get("outcome").getAsString());
    }

    @Test
    void invalidInput_isA400ProblemNamingTheFields() throws Exception {
        HttpResponse<String> invalid = api.post(
                "/events", "{\"date\":\"2024-02-30\",\"time\":\"10:00:00\"," + "\"userId\":\"\",\"eventType\":\"x\"}");
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertEquals(
                "application/problem+json",
                invalid.headers().firstValue("content-type").orElse(""));
        String errors = json(invalid).getAsJsonArray("errors").toString();
        assertTrue(errors.contains("date") && errors.contains("userId"), errors);

        HttpResponse<String> unknown = api.post("/events", "{\"userId\":\"u\",\"eventType\":\"x\",\"color\":\"red\"}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("color"), unknown.body());

        assertEquals(400, api.post("/events", "{not json").statusCode());
        assertEquals(400, api.get("/events?limit=0").statusCode());
        assertEquals(400, api.get("/events?order=sideways").statusCode());
    }

    @Test
    void readingByDayRangeAndFilter_pagesThroughEverything() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    201,
                    api.post("/events", event("2024-04-01", "12:00:0" + i, i % 2 == 0 ? "even" : "odd", "tick"))
                            .statusCode());
        }
        HttpResponse<String> day = api.get("/events/2024-04-01");
        assertEquals(200, day.statusCode());
        assertEquals(5, json(day).get("Count").getAsInt());
        assertEquals(json(day), json(api.get("/events?date=2024-04-01")));

        HttpResponse<String> firstPage = api.get("/events?date=2024-04-01&limit=2&order=desc");
        assertEquals(2, json(firstPage).get("Count").getAsInt());
        assertEquals(
                "12:00:04.000",
                json(firstPage)
                        .getAsJsonArray("Items")
                        .get(0)
                        .getAsJsonObject()
                        .get("time")
                        .getAsString());
        Set<String> seen = new HashSet<>();
        String token = json(firstPage).get("NextToken").getAsString();
        json(firstPage)
                .getAsJsonArray("Items")
                .forEach(e -> seen.add(e.getAsJsonObject().get("time").getAsString()));
        while (token != null) {
            JsonObject page = json(api.get("/events?date=2024-04-01&limit=2&order=desc&nextToken="
                    + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)));
            page.getAsJsonArray("Items")
                    .forEach(e -> seen.add(e.getAsJsonObject().get("time").getAsString()));
            token = page.has("NextToken") ? page.get("NextToken").getAsString() : null;
        }
        assertEquals(5, seen.size());

        HttpResponse<String> range = api.get("/events?from=2024-04-01T12:00:01.000&to=2024-04-01T12:00:03.000");
        assertEquals(2, json(range).get("Count").getAsInt(), range.body());
        assertEquals(
                3,
                json(api.get("/events?date=2024-04-01&userId=even"))
                        .get("Count")
                        .getAsInt());
        assertTrue(json(api.get("/events")).get("Count").getAsInt() >= 5);
    }

    @Test
    void emptyMillisecond_isAnEmptyPage_andUnknownRoute_isTheGatewaysNotFound() throws Exception {
        HttpResponse<String> missing = api.get("/events/1999-01-01/00:00:00.000");
        assertEquals(200, missing.statusCode());
        assertEquals(0, json(missing).get("Count").getAsInt());
        HttpResponse<String> route =
                api.send(api.request("/events/1999-01-01").DELETE().build());
        assertEquals(404, route.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", route.body());
    }

    @Test
    void bodyOverOneMegabyte_isTheHandlers413() throws Exception {
        String big = "{\"userId\":\"" + "x".repeat(1024 * 1024) + "\",\"eventType\":\"big\"}";
        HttpResponse<String> response = api.post("/events", big);
        assertEquals(413, response.statusCode());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void fiftyConcurrentClients_postDistinctEvents_andAllAreReadableAfterwards() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String time = String.format("13:00:%02d.%03d", i / 10, i);
                posts.add(() -> api.post("/events", event("2024-05-05", time, "c" + (i(time)), "load"))
                        .statusCode());
            }
            for (Future<Integer> status : clients.invokeAll(posts, 60, TimeUnit.SECONDS)) {
                assertEquals(201, status.get());
            }
        } finally {
            clients.shutdownNow();
        }
        JsonObject all = json(api.get("/events?date=2024-05-05&limit=1000"));
        assertEquals(50, all.get("Count").getAsInt());
        assertFalse(all.has("NextToken"));
    }

    private static String i(String time) {
        return time.replace(":", "").replace(".", "");
    }
}
