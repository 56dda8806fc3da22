package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FaultProxyTest {

    private HttpServer upstream;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<String> arrivals = new LinkedBlockingQueue<>();

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            arrivals.add(body);
            byte[] answer = ("echo:" + body).getBytes(StandardCharsets.UTF_8);
            // A zero length asks for a chunked response, the framing the proxy must also relay.
            exchange.sendResponseHeaders(200, body.startsWith("chunked") ? 0 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    private URI upstreamUri() {
        return URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
    }

    private static byte[] request(String target, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ("POST / HTTP/1.1\r\nHost: store\r\nX-Amz-Target: DynamoDB_20120810." + target
                        + "\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: " + bytes.length + "\r\n\r\n"
                        + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withoutFaults_relaysEveryRequestOnOneKeptAliveConnection() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(upstreamUri(), FaultPlan.none(), 1);
                Socket socket = new Socket(
                        InetAddress.getLoopbackAddress(), proxy.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (String body : List.of("{\"first\":1}", "chunked {\"second\":2}", "{\"third\":\"ü\"}")) {
                out.write(request("GetItem", body));
                out.flush();
                HttpMessage response = HttpMessage.readResponse(in, "POST");
                assertEquals(200, response.status());
                assertEquals("echo:" + body, response.bodyText());
            }
            assertEquals(List.of("{\"first\":1}", "chunked {\"second\":2}", "{\"third\":\"ü\"}"), received);
            assertEquals(3, proxy.counts().requests());
            assertEquals(3, proxy.counts().forwardedCount());
            assertEquals(0, proxy.counts().injectedTotal());
        }
    }

    @Test
    void throttling_isAnsweredLikeDynamoDbWithoutReachingTheStore() throws Exception {
        try (FaultProxy proxy =
                FaultProxy.start(upstreamUri(), FaultPlan.only(FaultKind.THROTTLING, 1.0, Duration.ZERO), 1)) {
            RawHttpClient.Reply reply = new RawHttpClient(proxy.endpoint().getPort(), Duration.ofSeconds(10))
                    .exchange(request("PutItem", "{}"));
            assertEquals(400, reply.status());
            assertEquals("ThrottlingException", reply.response().header("x-amzn-ErrorType"));
            assertTrue(reply.response()
                    .bodyText()
                    .contains("\"__type\":\"com.amazon.coral.availability#ThrottlingException\""));
            assertTrue(received.isEmpty());
            assertEquals(1, proxy.counts().injected(FaultKind.THROTTLING));
        }
    }

    @Test
    void provisionedThroughputExceeded_isAnsweredLikeDynamoDb() throws Exception {
        try (FaultProxy proxy =
                FaultProxy.start(upstreamUri(), FaultPlan.only(FaultKind.THROUGHPUT_EXCEEDED, 1.0, Duration.ZERO), 1)) {
            RawHttpClient.Reply reply = new RawHttpClient(proxy.endpoint().getPort(), Duration.ofSeconds(10))
                    .exchange(request("Query", "{}"));
            assertEquals(400, reply.status());
            assertEquals(
                    "ProvisionedThroughputExceededException", reply.response().header("x-amzn-ErrorType"));
            assertTrue(reply.response().bodyText().contains("#ProvisionedThroughputExceededException\""));
            assertTrue(received.isEmpty());
        }
    }

    @Test
    void internalError_isA500WithDynamoDbsErrorType() throws Exception {
        try (FaultProxy proxy =
                FaultProxy.start(upstreamUri(), FaultPlan.only(FaultKind.INTERNAL_ERROR, 1.0, Duration.ZERO), 1)) {
            RawHttpClient.Reply reply = new RawHttpClient(proxy.endpoint().getPort(), Duration.ofSeconds(10))
                    .exchange(request("PutItem", "{}"));
            assertEquals(500, reply.status());
            assertEquals("InternalServerError", reply.response().header("x-amzn-ErrorType"));
            assertTrue(received.isEmpty());
        }
    }

    @Test
    void connectionReset_endsTheConnectionBeforeTheStoreSeesTheRequest() throws Exception {
        try (FaultProxy proxy =
                FaultProxy.start(upstreamUri(), FaultPlan.only(FaultKind.CONNECTION_RESET, 1.0, Duration.ZERO), 1)) {
            RawHttpClient.Reply reply = new RawHttpClient(proxy.endpoint().getPort(), Duration.ofSeconds(10))
                    .exchange(request("PutItem", "{}"));
            assertFalse(reply.answered());
            assertTrue(received.isEmpty());
            assertEquals(1, proxy.counts().injected(FaultKind.CONNECTION_RESET));
        }
    }

    @Test
    void droppedResponse_reachesTheStoreButTheClientSeesNoAnswer() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(
                upstreamUri(), FaultPlan.only(FaultKind.WRITE_THEN_DROP_RESPONSE, 1.0, Duration.ZERO), 1)) {
            RawHttpClient.Reply reply = new RawHttpClient(proxy.endpoint().getPort(), Duration.ofSeconds(10))
                    .exchange(request("PutItem", "{\"w\":1}"));
            assertFalse(reply.answered());
            assertEquals(List.of("{\"w\":1}"), received);
            assertEquals(1, proxy.counts().injected(FaultKind.WRITE_THEN_DROP_RESPONSE));
        }
    }

    @Test
    void droppedResponse_neverAppliesToReads() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(
                upstreamUri(), FaultPlan.only(FaultKind.WRITE_THEN_DROP_RESPONSE, 1.0, Duration.ZERO), 1)) {
            RawHttpClient.Reply reply = new RawHttpClient(proxy.endpoint().getPort(), Duration.ofSeconds(10))
                    .exchange(request("GetItem", "{\"r\":1}"));
            assertEquals(200, reply.status());
            assertEquals(0, proxy.counts().injectedTotal());
        }
    }

    @Test
    void delay_outlastsTheClientsTimeoutAndStillReachesTheStore() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(
                upstreamUri(), FaultPlan.only(FaultKind.DELAY_PAST_TIMEOUT, 1.0, Duration.ofSeconds(2)), 1)) {
            RawHttpClient.Reply reply = new RawHttpClient(proxy.endpoint().getPort(), Duration.ofMillis(200))
                    .exchange(request("PutItem", "{\"late\":1}"));
            assertFalse(reply.answered());
            assertEquals("{\"late\":1}", arrivals.poll(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void faultRates_areDrawnPerRequestAndCountedPerKind() throws Exception {
        try (FaultProxy proxy =
                        FaultProxy.start(upstreamUri(), FaultPlan.only(FaultKind.THROTTLING, 0.5, Duration.ZERO), 42);
                KeepAliveConnection connection =
                        new KeepAliveConnection(proxy.endpoint().getPort(), 10_000)) {
            int throttled = 0;
            for (int i = 0; i < 200; i++) {
                if (connection.send("POST", "/", "{\"n\":" + i + "}").status() == 400) {
                    throttled++;
                }
            }
            assertEquals(throttled, proxy.counts().injected(FaultKind.THROTTLING));
            assertEquals(200 - throttled, received.size());
            assertTrue(throttled > 50 && throttled < 150, "about half throttled: " + throttled);
        }
    }

    @Test
    void faultOfARequest_dependsOnTheSeedAndTheRequestNotOnArrivalOrder() throws Exception {
        List<Integer> forwards = faultedRequests(7, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
        List<Integer> backwards = faultedRequests(7, List.of(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0));
        List<Integer> otherSeed = faultedRequests(8, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));

        assertEquals(forwards, backwards, "the same seed faults the same requests in any order");
        assertFalse(forwards.equals(otherSeed), "another seed faults others: " + forwards + " / " + otherSeed);
    }

    /** The numbers of the requests, sent in the given order, that were throttled at a rate of one half. */
    private List<Integer> faultedRequests(long seed, List<Integer> order) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(
                        upstreamUri(), FaultPlan.only(FaultKind.THROTTLING, 0.5, Duration.ZERO), seed);
                KeepAliveConnection connection =
                        new KeepAliveConnection(proxy.endpoint().getPort(), 10_000)) {
            java.util.TreeSet<Integer> throttled = new java.util.TreeSet<>();
            for (int n : order) {
                if (connection.send("POST", "/", "{\"n\":" + n + "}").status() == 400) {
                    throttled.add(n);
                }
            }
            return List.copyOf(throttled);
        }
    }
}
