package dev.eventlog.lambda;

import static dev.eventlog.lambda.HandlerFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.http.RequestBody;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A POST body may be gzip-compressed ({@code Content-Encoding: gzip}); API Gateway hands such a body over
 * base64-encoded, and the function inflates it within the same 1 MiB limit as any body.
 */
class CompressedBodiesTest {

    private final HandlerFixture api = new HandlerFixture();

    private int eventsOn(String date) {
        return api.store
                .query(EventQuery.of(new QueryScope.Day(LocalDate.parse(date))), Optional.empty())
                .items()
                .size();
    }

    @Test
    void aRecordedGzipBatch_isRecorded() {
        HttpReply reply = api.call(ApiEvents.load("post-batch-gzip.json"));

        assertEquals(201, reply.status(), reply.body().toString());
        assertEquals(2, reply.body().get("created").getAsInt());
        assertEquals(2, eventsOn("2024-05-03"));
    }

    @Test
    void aGzipEvent_isRecordedAsTheSameEventUncompressed() {
        String json = event("2024-05-01", "10:00:00", "u", "login");

        HttpReply compressed = api.call(ApiEvents.gzipPost(json, "gzip"));
        HttpReply plain = api.post(json);

        assertEquals(201, compressed.status());
        assertEquals(200, plain.status(), "the same event, already recorded");
        assertEquals(compressed.body(), plain.body());
    }

    @Test
    void theContentEncodingHeader_isFoundInAnyCase() {
        APIGatewayV2HTTPEvent request = ApiEvents.gzipPost(event("2024-05-01", "10:00:00", "u", "login"), "gzip");
        request.getHeaders().put("Content-Encoding", request.getHeaders().remove("content-encoding"));

        assertEquals(201, api.call(request).status());
    }

    @Test
    void aGzipBomb_is413_andNothingIsWritten() throws Exception {
        // A valid event whose attribute value is followed by 64 MiB of spaces: about 64 KB as sent.
        java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(event("2024-05-01", "10:00:00", "u", "login").getBytes());
            byte[] spaces = " ".repeat(64 * 1024).getBytes();
            for (int i = 0; i < 1024; i++) {
                out.write(spaces);
            }
        }
        APIGatewayV2HTTPEvent request = ApiEvents.gzipPost("{}", "gzip");
        request.setBody(Base64.getEncoder().encodeToString(compressed.toByteArray()));

        HttpReply reply = api.call(request).assertProblem(413);

        assertTrue(reply.string("detail").contains("once inflated"), reply.string("detail"));
        assertEquals(0, eventsOn("2024-05-01"));
    }

    @Test
    void anotherCoding_is415_namingTheOneTaken() {
        HttpReply reply = api.call(ApiEvents.gzipPost(event("2024-05-01", "10:00:00", "u", "login"), "br"))
                .assertProblem(415);

        assertEquals("gzip", reply.header("Accept-Encoding"));
        assertTrue(reply.string("detail").contains("'br'"), reply.string("detail"));
        assertEquals(0, eventsOn("2024-05-01"));
    }

    @Test
    void aBodyThatIsNotGzip_is400() {
        APIGatewayV2HTTPEvent request = ApiEvents.gzipPost("{}", "gzip");
        request.setBody(Base64.getEncoder()
                .encodeToString(event("2024-05-01", "10:00:00", "u", "login").getBytes()));

        HttpReply reply = api.call(request).assertProblem(400);

        assertTrue(reply.string("detail").contains("not valid gzip"), reply.string("detail"));
    }

    @Test
    void theLimitOnceInflated_isTheLimitOfAnyBody() {
        String atLimit = "{\"userId\":\"u\",\"eventType\":\"t\"}"
                + " ".repeat(RequestBody.MAX_BYTES - "{\"userId\":\"u\",\"eventType\":\"t\"}".length());

        assertEquals(201, api.call(ApiEvents.gzipPost(atLimit, "gzip")).status());
        api.call(ApiEvents.gzipPost(atLimit + " ", "gzip")).assertProblem(413);
    }
}
