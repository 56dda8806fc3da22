package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.inmemory.InMemoryEventLog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a client sends, the answer is a 2xx or a 4xx, never a 5xx or an exception; every 4xx is problem+json. */
class AnyRequestProperties {

    private final EventLogHandler handler = new EventLogHandler(
            new EventLogService(
                    new InMemoryEventLog(), Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC)),
            new PrintStream(OutputStream.nullOutputStream()));

    @Property(tries = 400)
    void anyBody_isAnsweredWithoutServerError(@ForAll("bodies") String body) {
        assertClientSafe(ApiEvents.post(body));
    }

    @Property(tries = 200)
    void anyBodyBase64Encoded_isAnsweredWithoutServerError(@ForAll("bodies") String body) {
        APIGatewayV2HTTPEvent event =
                ApiEvents.post(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);
        assertClientSafe(event);
    }

    @Property(tries = 200)
    void anyBodyGzipped_underAnyContentEncoding_isAnsweredWithoutServerError(
            @ForAll("bodies") String body, @ForAll("contentEncodings") String contentEncoding) {
        assertClientSafe(ApiEvents.gzipPost(body, contentEncoding));
    }

    @Property(tries = 400)
    void anyQueryString_isAnsweredWithoutServerError(@ForAll("queryStrings") String query) {
        assertClientSafe(ApiEvents.listEvents(query));
    }

    @Property(tries = 300)
    void anyMethodPathAndQuery_isAnsweredWithoutServerError(
            @ForAll("methods") String method, @ForAll("paths") String path, @ForAll("queryStrings") String query) {
        assertClientSafe(ApiEvents.viaDefaultRoute(method, path, query, null));
    }

    @Property(tries = 200)
    void anyPathParameters_areAnsweredWithoutServerError(
            @ForAll("pathSegments") String date, @ForAll("pathSegments") String time) {
        assertClientSafe(ApiEvents.get(
                "GET /events/{date}/{time}", "/events/" + date + "/" + time, null, Map.of("date", date, "time", time)));
        assertClientSafe(ApiEvents.get("GET /events/{date}", "/events/" + date, null, Map.of("date", date)));
    }

    private void assertClientSafe(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        int status = response.getStatusCode();
        assertTrue(status >= 200 && status < 500, () -> "status " + status + ": " + response.getBody());
        HttpReply reply = HttpReply.of(response);
        if (status >= 400) {
            reply.assertProblemShape();
        }
    }

    @Provide
    Arbitrary<String> contentEncodings() {
        return Arbitraries.oneOf(
                Arbitraries.of("gzip", "GZIP", "x-gzip", "identity", "", "gzip, identity", "gzip, gzip", "br"),
                Arbitraries.strings().ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of(
                        "{",
                        "}",
                        "[",
                        "]",
                        ":",
                        ",",
                        "\"",
                        "null",
                        "true",
                        "1e400",
                        "-0",
                        "\\u0000",
                        "\\ud800",
                        "\"\\",
                        "\"date\"",
                        "\"time\"",
                        "\"userId\"",
                        "\"eventType\"",
                        "\"attributes\"",
                        "\"2024-05-01\"",
                        "\"10:00:00\"",
                        "\"10:00:00.000\"",
                        "\"u\"",
                        "\"2024-02-30\"",
                        "{\"a\":\"b\"}",
                        " "),
                Arbitraries.strings().ofMaxLength(6).map(s -> "\"" + s + "\""),
                Arbitraries.strings().ofMaxLength(4));
        Arbitrary<String> jsonish = fragment.list().ofMaxSize(40).map(parts -> String.join("", parts));
        Arbitrary<String> validShape = Arbitraries.strings()
                .ofMaxLength(30)
                .tuple4()
                .map(t -> "{\"date\":\"" + t.get1() + "\",\"time\":\"" + t.get2() + "\",\"userId\":\"" + t.get3()
                        + "\",\"eventType\":\"" + t.get4() + "\"}");
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                jsonish,
                validShape,
                Arbitraries.just("[".repeat(5000)),
                Arbitraries.just("{\"a\":".repeat(3000)));
    }

    @Provide
    Arbitrary<String> queryStrings() {
        Arbitrary<String> name = Arbitraries.oneOf(
                Arbitraries.of(
                        "date",
                        "from",
                        "to",
                        "userId",
                        "eventType",
                        "order",
                        "limit",
                        "nextToken",
                        "x",
                        "",
                        "%",
                        "%zz",
                        "d%61te"),
                Arbitraries.strings().ofMaxLength(5));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(
                        "2024-05-01",
                        "2024-05-01T00:00:00",
                        "2024-05-02T00:00:00.000Z",
                        "asc",
                        "desc",
                        "10",
                        "0",
                        "1001",
                        "99999999999999999999",
                        "-1",
                        "a,b",
                        "%2C",
                        "%",
                        "%E0%A4",
                        "+",
                        "",
                        "AAAA",
                        "9999-12-31",
                        "0000-01-01T00:00:00"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> pair =
                Arbitraries.oneOf(Combinators.combine(name, value).as((n, v) -> n + "=" + v), name);
        return pair.list().ofMaxSize(6).map(pairs -> String.join("&", pairs));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(
                Arbitraries.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "get", ""),
                Arbitraries.strings().alpha().ofMaxLength(8));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = pathSegments();
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "/",
                        "/events",
                        "/events/",
                        "//events",
                        "/events/2024-05-01",
                        "/events/2024-05-01/10:00:00",
                        ""),
                segment.list().ofMaxSize(5).map(s -> "/" + String.join("/", s)),
                segment.list().ofMaxSize(3).map(s -> "/events/" + String.join("/", s)));
    }

    @Provide
    Arbitrary<String> pathSegments() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "2024-05-01",
                        "10:00:00",
                        "10%3A00%3A00.000",
                        "%",
                        "%G0",
                        "%C3%28",
                        "9999-99-99",
                        "1970-01-01",
                        "00:00:00.000",
                        "23:59:59.9999",
                        "-0001-01-01",
                        "+10000-01-01",
                        ""),
                Arbitraries.strings().ofMaxLength(12));
    }
}
