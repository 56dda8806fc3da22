package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.http.RequestBody;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpApiGatewayTest {

    private static GatewayFixture gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayFixture.echo();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void eachDeployedRoute_reachesTheHandlerWithItsRouteKey() throws Exception {
        assertEquals(
                "GET /events",
                GatewayFixture.echoedEvent(gateway.get("/events"))
                        .get("routeKey")
                        .getAsString());
        assertEquals(
                "POST /events",
                GatewayFixture.echoedEvent(gateway.post("/events", "{}"))
                        .get("routeKey")
                        .getAsString());
        JsonObject day = GatewayFixture.echoedEvent(gateway.get("/events/2024-01-02"));
        assertEquals("GET /events/{date}", day.get("routeKey").getAsString());
        assertEquals(
                "2024-01-02", day.getAsJsonObject("pathParameters").get("date").getAsString());
        JsonObject one = GatewayFixture.echoedEvent(gateway.get("/events/2024-01-02/10%3A11%3A12.345"));
        assertEquals("GET /events/{date}/{time}", one.get("routeKey").getAsString());
        assertEquals(
                "10:11:12.345",
                one.getAsJsonObject("pathParameters").get("time").getAsString());
        assertEquals("/events/2024-01-02/10:11:12.345", one.get("rawPath").getAsString());
        assertEquals(
                "GET /events/{date}/{time}",
                one.getAsJsonObject("requestContext").get("routeKey").getAsString());
    }

    @Test
    void unknownPathsAndOtherMethods_getApiGatewaysOwnNotFound() throws Exception {
        for (HttpRequest request : List.of(
                gateway.request("/").GET().build(),
                gateway.request("/nothing").GET().build(),
                gateway.request("/events/").GET().build(),
                gateway.request("/events/a/b/c/d").GET().build(),
                gateway.request("/events").DELETE().build(),
                gateway.request("/events/2024-01-01")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                gateway.request("/events")
                        .method("PUT", HttpRequest.BodyPublishers.ofString("{}"))
                        .build())) {
            HttpResponse<String> response = gateway.send(request);
            assertEquals(404, response.statusCode(), request.toString());
            assertEquals("{\"message\":\"Not Found\"}", response.body());
            assertEquals(
                    "application/json",
                    response.headers().firstValue("content-type").orElse(""));
        }
    }

    @Test
    void event_carriesHeadersQueryCookiesAndContextAsApiGatewayBuildsThem() throws Exception {
        HttpResponse<String> response = gateway.send(gateway.request("/events?userId=u1&tag=a&tag=b&sp=x%20y")
                .header("X-Repeated", "one")
                .header("X-Repeated", "two")
                .header("Cookie", "c1=v1; c2=v2")
                .header("User-Agent", "eventlog-test")
                .GET()
                .build());
        JsonObject event = GatewayFixture.echoedEvent(response);
        assertEquals("2.0", event.get("version").getAsString());
        assertEquals(
                "userId=u1&tag=a&tag=b&sp=x%20y", event.get("rawQueryString").getAsString());
        JsonObject query = event.getAsJsonObject("queryStringParameters");
        assertEquals("u1", query.get("userId").getAsString());
        assertEquals("a,b", query.get("tag").getAsString());
        assertEquals("x y", query.get("sp").getAsString());
        JsonObject headers = event.getAsJsonObject("headers");
        assertEquals("one,two", headers.get("x-repeated").getAsString());
        assertFalse(headers.has("cookie"));
        headers.keySet().forEach(name -> assertEquals(name.toLowerCase(), name));
        assertEquals(List.of("c1=v1", "c2=v2"), EchoHandler.GSON.fromJson(event.get("cookies"), List.class));
        assertTrue(event.get("pathParameters").isJsonNull());
        JsonObject context = event.getAsJsonObject("requestContext");
        assertEquals("$default", context.get("stage").getAsString());
        assertFalse(context.get("requestId").getAsString().isEmpty());
        assertEquals(
                response.headers().firstValue("apigw-requestid").orElseThrow(),
                context.get("requestId").getAsString());
        assertTrue(context.get("timeEpoch").getAsLong() > 0);
        assertTrue(
                context.get("time").getAsString().matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000"));
        JsonObject http = context.getAsJsonObject("http");
        assertEquals("GET", http.get("method").getAsString());
        assertEquals("/events", http.get("path").getAsString());
        assertEquals("HTTP/1.1", http.get("protocol").getAsString());
        assertEquals("127.0.0.1", http.get("sourceIp").getAsString());
        assertEquals("eventlog-test", http.get("userAgent").getAsString());
        assertTrue(context.get("authorizer").isJsonNull());
    }

    @Test
    void jsonBody_arrivesAsText_andOtherBodiesAsBase64() throws Exception {
        JsonObject json = GatewayFixture.echoedEvent(gateway.post("/events", "{\"userId\":\"ü\"}"));
        assertEquals("{\"userId\":\"ü\"}", json.get("body").getAsString());
        assertFalse(json.get("isBase64Encoded").getAsBoolean());

        JsonObject untyped = GatewayFixture.echoedEvent(gateway.send(gateway.request("/events")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 0xff}))
                .build()));
        assertTrue(untyped.get("isBase64Encoded").getAsBoolean());
        assertEquals("AAEC/w==", untyped.get("body").getAsString());

        JsonObject empty = GatewayFixture.echoedEvent(gateway.get("/events"));
        assertTrue(empty.get("body").isJsonNull());
        assertFalse(empty.get("isBase64Encoded").getAsBoolean());
    }

    @Test
    void aGzipBody_arrivesBase64Encoded_evenWithAJsonContentType() throws Exception {
        byte[] gzip = RequestBody.gzip("{\"userId\":\"ü\"}".getBytes(StandardCharsets.UTF_8));

        JsonObject event = GatewayFixture.echoedEvent(gateway.send(gateway.request("/events")
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip))
                .build()));

        assertTrue(event.get("isBase64Encoded").getAsBoolean());
        assertArrayEquals(gzip, Base64.getDecoder().decode(event.get("body").getAsString()));
        assertEquals(
                "gzip", event.getAsJsonObject("headers").get("content-encoding").getAsString());
    }

    @Test
    void handlerResponse_isMappedBack_cookiesAsSetCookieAndBase64Decoded() throws Exception {
        HttpResponse<byte[]> binary = gateway.client.send(
                gateway.request("/events").header("X-Echo-Mode", "binary").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, binary.statusCode());
        assertEquals("AAEC/w==", Base64.getEncoder().encodeToString(binary.body()));
        assertEquals(
                "application/octet-stream",
                binary.headers().firstValue("content-type").orElse(""));

        HttpResponse<String> cookies = gateway.send(gateway.request("/events")
                .header("X-Echo-Mode", "cookies")
                .GET()
                .build());
        assertEquals(201, cookies.statusCode());
        assertEquals(List.of("a=1; Path=/", "b=2"), cookies.headers().allValues("set-cookie"));
        assertEquals("yes", cookies.headers().firstValue("x-custom").orElse(""));
    }

    @Test
    void handlerThatThrows_becomesApiGatewaysInternalServerError() throws Exception {
        HttpResponse<String> response = gateway.send(
                gateway.request("/events").header("X-Echo-Mode", "throw").GET().build());
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
        Map<?, ?> line = lastAccessLogLine(response);
        assertTrue(line.get("integrationErrorMessage").toString().contains("asked to fail"));
    }

    @Test
    void accessLogLine_hasExactlyTheStageFields() throws Exception {
        HttpResponse<String> response = gateway.get("/events?date=2024-01-01");
        Map<?, ?> line = lastAccessLogLine(response);
        assertEquals(
                List.of(
                        "requestId",
                        "ip",
                        "requestTime",
                        "httpMethod",
                        "routeKey",
                        "status",
                        "protocol",
                        "responseLength",
                        "errorMessage",
                        "errorResponseType",
                        "authorizerError",
                        "integrationErrorMessage",
                        "userArn",
                        "callerAccountId"),
                new ArrayList<>(line.keySet()));
        assertEquals("-", line.get("userArn"), "no IAM caller without --iam");
        assertEquals("127.0.0.1", line.get("ip"));
        assertEquals("GET", line.get("httpMethod"));
        assertEquals("GET /events", line.get("routeKey"));
        assertEquals("200", line.get("status"));
        assertEquals("HTTP/1.1", line.get("protocol"));
        assertEquals(
                Integer.toString(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                line.get("responseLength"));
        assertEquals("-", line.get("errorMessage"));

        HttpResponse<String> missing = gateway.get("/nowhere");
        Map<?, ?> notFound = lastAccessLogLine(missing);
        assertEquals("404", notFound.get("status"));
        assertEquals("-", notFound.get("routeKey"));
        assertEquals("Not Found", notFound.get("errorMessage"));
    }

    @Test
    void bodyOverTenMegabytes_isRefusedWith413_andTenMegabytesPass() throws Exception {
        byte[] limit = new byte[HttpApiGateway.MAX_PAYLOAD_BYTES];
        java.util.Arrays.fill(limit, (byte) 'a');
        HttpResponse<String> atLimit = gateway.send(gateway.request("/events")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(limit))
                .build());
        assertEquals(200, atLimit.statusCode());
        assertEquals(
                "<" + limit.length + " chars>",
                GatewayFixture.echoedEvent(atLimit).get("body").getAsString());

        byte[] over = new byte[HttpApiGateway.MAX_PAYLOAD_BYTES + 1];
        HttpResponse<String> tooLarge = gateway.send(gateway.request("/events")
                .POST(HttpRequest.BodyPublishers.ofByteArray(over))
                .build());
        assertEquals(413, tooLarge.statusCode());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", tooLarge.body());
    }

    @Test
    void concurrentRequests_areServedInParallel() throws Exception {
        // Each request is held in the handler until all of them are inside it at once: a server that served one at
        // a time would hold the first until the bounded wait ran out, and every answer would be 503.
        int together = 8;
        CountDownLatch inside = new CountDownLatch(together);
        try (GatewayFixture parallel = GatewayFixture.with(store -> (event, context) -> {
            inside.countDown();
            boolean allInside;
            try {
                allInside = inside.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                allInside = false;
            }
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(allInside ? 200 : 503)
                    .withBody(event.getQueryStringParameters().get("userId"))
                    .build();
        })) {
            ExecutorService clients = Executors.newFixedThreadPool(together);
            try {
                List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
                for (int i = 0; i < together; i++) {
                    String id = "c" + i;
                    calls.add(() -> parallel.get("/events?userId=" + id));
                }
                List<Future<HttpResponse<String>>> results = clients.invokeAll(calls, 60, TimeUnit.SECONDS);
                for (int i = 0; i < together; i++) {
                    HttpResponse<String> response = results.get(i).get();
                    assertEquals(
                            200, response.statusCode(), "request " + i + " saw all " + together + " inside at once");
                    assertEquals("c" + i, response.body());
                }
            } finally {
                clients.shutdownNow();
            }
        }
    }

    private static Map<?, ?> lastAccessLogLine(HttpResponse<String> response) {
        String requestId = response.headers().firstValue("apigw-requestid").orElseThrow();
        return gateway.accessLogLines().stream()
                .map(line -> EchoHandler.GSON.fromJson(JsonParser.parseString(line), java.util.LinkedHashMap.class))
                .filter(map -> requestId.equals(map.get("requestId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no access log line for " + requestId));
    }

    /**
     * Lambda stops a function at its timeout ("Task timed out after 20.00 seconds") and the HTTP API answers that
     * failed invocation as it answers any function error. The test's function times out after half a second.
     */
    @Test
    void aFunctionThatOutlastsItsTimeout_isStopped_andGetsTheGateways500() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> endless = (event, context) -> {
            try {
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
        };
        try (GatewayFixture slow = GatewayFixture.timingOutAfter(Duration.ofMillis(500), store -> endless)) {
            HttpResponse<String> response = slow.get("/events");

            assertEquals(500, response.statusCode());
            assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
            String line = slow.accessLogLines().get(0);
            assertTrue(line.contains("Task timed out after 0.50 seconds"), line);
            assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the invocation is stopped, not left running");
        }
    }

    @Test
    void aFunctionThatFailsOrAnswersGarbage_getsTheGateways500_withTheReasonInTheAccessLog() throws Exception {
        List<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions = List.of(
                (event, context) -> {
                    throw new IllegalStateException("boom");
                },
                (event, context) -> null,
                (event, context) ->
                        APIGatewayV2HTTPResponse.builder().withStatusCode(0).build());
        List<String> reasons = List.of(
                "The Lambda function returned an error",
                "returned an invalid response",
                "returned an invalid response");
        for (int i = 0; i < functions.size(); i++) {
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function = functions.get(i);
            try (GatewayFixture failing = GatewayFixture.with(store -> function)) {
                HttpResponse<String> response = failing.get("/events");

                assertEquals(500, response.statusCode());
                assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
                String line = failing.accessLogLines().get(0);
                assertTrue(line.contains(reasons.get(i)), line);
            }
        }
    }
}
