package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input over raw sockets against {@code serve}: broken HTTP as well as hostile content. Every request gets a
 * 4xx, from the handler as problem+json or from the gateway itself where API Gateway would answer first; the same
 * server keeps serving after each; and at the end nothing at all is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ServeHostileInputTest {

    private LocalServe api;
    private RawHttpClient raw;
    private String host;

    @BeforeAll
    void start() throws Exception {
        api = LocalServe.inMemory(System.out);
        raw = new RawHttpClient(api.port(), Duration.ofSeconds(20));
        host = "127.0.0.1:" + api.port();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            assertNothingStored();
        } finally {
            api.close();
        }
    }

    @AfterEach
    void stillServing() throws IOException {
        RawHttpClient.Reply reply = raw.exchange(request("GET", "/events?limit=1", new byte[0]));
        assertEquals(200, reply.status(), "the server keeps serving: " + reply);
    }

    static Stream<HostileRequests.Hostile> hostileRequests() {
        return HostileRequests.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileContent_isRefusedWithA4xx(HostileRequests.Hostile hostile) throws IOException {
        RawHttpClient.Reply reply = raw.exchange(request(hostile.method(), hostile.target(), hostile.body()));
        assertClientError(reply, hostile.name());
        assertEquals(hostile.gatewayStatus(), reply.status(), hostile.name() + ": " + reply);
    }

    /** Each gets its one right status: 400, or 431 past the quota on the request line and headers. */
    @TestFactory
    Stream<DynamicTest> brokenHttp_isRefusedWithA4xx() {
        return Stream.of(
                        broken("garbage request line", ascii("HELLO\r\n\r\n"), false),
                        broken("request line without a target", ascii("GET\r\nHost: " + host + "\r\n\r\n"), false),
                        broken(
                                "request line with extra parts",
                                ascii("GET /events HTTP/1.1 extra\r\nHost: " + host + "\r\n\r\n"),
                                false),
                        broken(
                                "unknown protocol version",
                                ascii("GET /events HTTP/9.9\r\nHost: " + host + "\r\n\r\n"),
                                false),
                        broken(
                                "NUL bytes in the request line",
                                ascii("GET /ev\0ents HTTP/1.1\r\nHost: " + host + "\r\n\r\n"),
                                false),
                        broken(
                                "raw invalid UTF-8 in the path",
                                concat(
                                        ascii("GET /events/"),
                                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                                        ascii(" HTTP/1.1\r\nHost: " + host + "\r\n\r\n")),
                                false),
                        broken(
                                "raw invalid UTF-8 in the query",
                                concat(
                                        ascii("GET /events?userId="),
                                        new byte[] {(byte) 0xC3, (byte) 0x28},
                                        ascii(" HTTP/1.1\r\nHost: " + host + "\r\n\r\n")),
                                false),
                        broken(
                                "invalid percent-encoding in the path",
                                ascii("GET /events/%G1 HTTP/1.1\r\nHost: " + host + "\r\n\r\n"),
                                false),
                        broken(
                                "header line without a colon",
                                ascii("GET /events HTTP/1.1\r\nHost: " + host + "\r\nthis is not a header\r\n\r\n"),
                                false),
                        broken(
                                "Content-Length not a number",
                                ascii("POST /events HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: ten\r\n\r\n{}"),
                                true),
                        broken(
                                "negative Content-Length",
                                ascii("POST /events HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: -5\r\n\r\n{}"),
                                true),
                        broken(
                                "POST without Content-Length",
                                ascii("POST /events HTTP/1.1\r\nHost: " + host + "\r\n\r\n"),
                                false),
                        broken(
                                "Content-Length larger than the body, then the end",
                                concat(
                                        ascii("POST /events HTTP/1.1\r\nHost: " + host
                                                + "\r\nContent-Length: 500\r\n\r\n"),
                                        HostileRequests.bytes(HostileRequests.event("2024-04-01", "10:00:00"))),
                                true),
                        broken(
                                "Content-Length smaller than the body",
                                concat(
                                        ascii("POST /events HTTP/1.1\r\nHost: " + host
                                                + "\r\nContent-Length: 20\r\n\r\n"),
                                        HostileRequests.bytes(HostileRequests.event("2024-04-01", "10:00:01"))),
                                false),
                        broken(
                                "body that stops early",
                                concat(
                                        ascii("POST /events HTTP/1.1\r\nHost: " + host
                                                + "\r\nContent-Length: 100000\r\n\r\n"),
                                        HostileRequests.bytes("[" + HostileRequests.event("2024-04-01", "10:00:02"))),
                                true),
                        broken(
                                "chunked body that stops early",
                                ascii("POST /events HTTP/1.1\r\nHost: " + host
                                        + "\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n{\"date\":"),
                                true),
                        broken(
                                "bad chunk size",
                                ascii("POST /events HTTP/1.1\r\nHost: " + host
                                        + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
                                true),
                        broken(
                                431,
                                "a 64 KiB header",
                                ascii("GET /events HTTP/1.1\r\nHost: " + host + "\r\nX-Big: " + "a".repeat(64 * 1024)
                                        + "\r\n\r\n"),
                                false),
                        refusedByTheHttpServer(
                                "a 1 MiB header",
                                ascii("GET /events HTTP/1.1\r\nHost: " + host + "\r\nX-Big: " + "a".repeat(1024 * 1024)
                                        + "\r\n\r\n")),
                        refusedByTheHttpServer(
                                "10,000 headers",
                                ascii("GET /events HTTP/1.1\r\nHost: " + host + "\r\n" + "X-H: v\r\n".repeat(10_000)
                                        + "\r\n")),
                        // API Gateway counts the request line in its 10,240-byte quota for the request line and
                        // headers.
                        broken(
                                431,
                                "a 100 KiB path",
                                ascii("GET /events/" + "9".repeat(100 * 1024) + " HTTP/1.1\r\nHost: " + host
                                        + "\r\n\r\n"),
                                false),
                        refusedByTheHttpServer("request line that never ends", ascii("GET /events" + "x".repeat(8192))))
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    RawHttpClient.Reply reply = raw.exchange(c.bytes(), c.endAfterSending());
                    if (!(c.closeAllowed() && !reply.answered())) {
                        assertClientError(reply, c.name());
                        assertEquals(c.status(), reply.status(), c.name() + ": " + reply);
                    }
                    stillServing();
                }));
    }

    /** A page of another origin (CORS is off here, so every origin is another) is refused before the function. */
    @ParameterizedTest
    @ValueSource(strings = {"Origin: https://evil.example", "Origin: null", "Sec-Fetch-Site: cross-site"})
    void aWriteFromAnotherSitesPage_isRefusedByTheGatewayWith403(String header) throws IOException {
        byte[] body = HostileRequests.bytes(HostileRequests.event("2024-04-02", "10:00:00"));
        RawHttpClient.Reply reply = raw.exchange(concat(
                ascii("POST /events HTTP/1.1\r\nHost: " + host + "\r\n" + header
                        + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n"),
                body));

        assertEquals(403, reply.status(), reply.toString());
    }

    @Test
    void bodyOneByteOver10MB_isRefusedByTheGatewayWith413() throws IOException {
        int size = 10 * 1024 * 1024 + 1;
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[size - 1] = ']';
        RawHttpClient.Reply reply =
                new RawHttpClient(api.port(), Duration.ofSeconds(60)).exchange(request("POST", "/events", body));
        assertEquals(413, reply.status(), reply.toString());
    }

    @Test
    void requestThatNeverCompletes_doesNotStopOthersBeingServed() throws Exception {
        List<Socket> stalled = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port());
                OutputStream out = socket.getOutputStream();
                out.write(
                        ascii("POST /events HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 1000\r\n\r\n{\"date\":"));
                out.flush();
                stalled.add(socket);
            }
            stillServing();
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /**
     * More slow connections (half a header, a chunked body that stalls) than the 64 workers the server once had:
     * requests beside them are still answered, well inside the client's 20 s (they waited 45 s before).
     */
    @Test
    void seventySlowConnections_doNotStallTheOthers() throws Exception {
        try (SlowClients slow = SlowClients.open(api.port(), host, "POST", 70)) {
            for (int i = 0; i < 5; i++) {
                stillServing();
            }
            RawHttpClient.Reply write =
                    raw.exchange(request("POST", "/events", HostileRequests.bytes("{\"userId\":\"u\"}")));
            assertEquals(400, write.status(), "a write is read and answered too: " + write);
        }
    }

    private record Broken(String name, byte[] bytes, boolean endAfterSending, boolean closeAllowed, int status) {}

    private static Broken broken(String name, byte[] bytes, boolean endAfterSending) {
        return broken(400, name, bytes, endAfterSending);
    }

    private static Broken broken(int status, String name, byte[] bytes, boolean endAfterSending) {
        return new Broken(name, bytes, endAfterSending, false, status);
    }

    /**
     * Requests the JDK's HTTP server refuses itself, before any of the runner's code sees them, by closing the
     * connection (its limits on header count and line length). A 4xx is also fine; the server must keep serving.
     */
    private static Broken refusedByTheHttpServer(String name, byte[] bytes) {
        return new Broken(name, bytes, true, true, 431);
    }

    private void assertNothingStored() throws IOException {
        RawHttpClient.Reply reply = raw.exchange(request("GET", "/events?limit=1000", new byte[0]));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(
                0,
                JsonParser.parseString(reply.response().bodyText())
                        .getAsJsonObject()
                        .get("Count")
                        .getAsInt(),
                "nothing stored: " + reply);
    }

    /** A 4xx: the handler's problem+json, or the gateway's own JSON message where API Gateway answers first. */
    private static void assertClientError(RawHttpClient.Reply reply, String name) {
        assertTrue(reply.answered(), name + ": expected a 4xx answer, got " + reply);
        int status = reply.status();
        String contentType =
                String.valueOf(reply.response().header("content-type")).toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/problem+json")) {
            ProblemResponses.assertClientProblem(
                    status,
                    java.util.Map.of("Content-Type", contentType),
                    reply.response().bodyText(),
                    name);
        } else {
            assertTrue(status >= 400 && status < 500, name + ": expected a 4xx, got " + reply);
        }
    }

    private byte[] request(String method, String target, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n"));
        if (body.length > 0 || method.equals("POST")) {
            out.writeBytes(ascii("Content-Length: " + body.length + "\r\n"));
        }
        out.writeBytes(ascii("Connection: close\r\n\r\n"));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
