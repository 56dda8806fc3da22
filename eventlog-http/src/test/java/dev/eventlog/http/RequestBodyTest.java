package dev.eventlog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request bodies as API Gateway hands them over: text or base64, uncompressed or gzip, within 1 MiB either way. */
class RequestBodyTest {

    private static final String JSON = "{\"userId\":\"\u00e9l\u00e8ve\",\"eventType\":\"login\"}";

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static ApiProblem refused(String body, boolean base64, String contentEncoding) {
        return assertThrows(ApiProblem.class, () -> RequestBody.text(body, base64, contentEncoding));
    }

    /** {@code size} zero bytes, gzip-compressed without ever holding them: about a thousandth of their size. */
    private static byte[] gzippedZeros(long size) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed, 64 * 1024)) {
            byte[] zeros = new byte[64 * 1024];
            for (long written = 0; written < size; written += zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    @Test
    void aGzipBody_isInflated_whetherBase64OrNot() {
        byte[] gzip = RequestBody.gzip(JSON.getBytes(StandardCharsets.UTF_8));

        assertEquals(JSON, RequestBody.text(base64(gzip), true, "gzip"));
        assertEquals(JSON, RequestBody.text(base64(gzip), true, " GZIP "));
        assertEquals(JSON, RequestBody.text(base64(gzip), true, "x-gzip"));
        assertEquals(JSON, RequestBody.text(base64(gzip), true, "identity, gzip"));
    }

    @Test
    void noCodingOrIdentity_leavesTheBodyAsItIs() {
        assertEquals(JSON, RequestBody.text(JSON, false, null));
        assertEquals(JSON, RequestBody.text(JSON, false, "identity"));
        assertEquals(JSON, RequestBody.text(base64(JSON.getBytes(StandardCharsets.UTF_8)), true, ""));
        assertNull(RequestBody.text(null, false, "gzip"));
        assertEquals("", RequestBody.text("", true, "gzip"), "an empty body is left to say it is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"br", "deflate", "compress", "zstd", "gzip, gzip", "gzip, br", "\u0001bogus"})
    void otherCodings_are415_sayingGzipIsTheOneTaken(String coding) {
        ApiProblem problem = refused(base64(RequestBody.gzip(new byte[] {'{', '}'})), true, coding);

        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, problem.type());
        assertTrue(problem.getMessage().contains("Content-Encoding: gzip"), problem.getMessage());
        assertEquals(Map.of("Accept-Encoding", "gzip"), problem.headers());
        assertTrue(problem.getMessage().chars().noneMatch(Character::isISOControl), problem.getMessage());
    }

    @Test
    void corruptOrTruncatedGzip_is400() {
        byte[] gzip = RequestBody.gzip(JSON.repeat(20).getBytes(StandardCharsets.UTF_8));
        byte[] corrupt = gzip.clone();
        corrupt[gzip.length / 2] ^= 0x55;

        for (byte[] body :
                new byte[][] {JSON.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(gzip, gzip.length / 2), corrupt}) {
            ApiProblem problem = refused(base64(body), true, "gzip");
            assertEquals(ProblemType.INVALID_INPUT, problem.type());
            assertTrue(problem.getMessage().contains("not valid gzip"), problem.getMessage());
        }
    }

    @Test
    void gzipOfTextThatIsNotUtf8_is400() {
        ApiProblem problem = refused(base64(RequestBody.gzip(new byte[] {(byte) 0xC3, '('})), true, "gzip");

        assertEquals("the request body is not UTF-8 text", problem.getMessage());
    }

    @Test
    void aBodyOfExactlyTheLimitOnceInflated_isTaken_oneByteMoreIs413() {
        byte[] atLimit = "x".repeat(RequestBody.MAX_BYTES).getBytes(StandardCharsets.UTF_8);
        byte[] overLimit = "x".repeat(RequestBody.MAX_BYTES + 1).getBytes(StandardCharsets.UTF_8);

        assertEquals(
                RequestBody.MAX_BYTES,
                RequestBody.text(base64(RequestBody.gzip(atLimit)), true, "gzip")
                        .length());
        ApiProblem problem = refused(base64(RequestBody.gzip(overLimit)), true, "gzip");
        assertEquals(ProblemType.BODY_TOO_LARGE, problem.type());
        assertTrue(problem.getMessage().endsWith("once inflated"), problem.getMessage());
    }

    @Test
    void aGzipBomb_is413() {
        // 256 MiB of zeros compress to about 256 KB, well within the limit as sent.
        byte[] bomb = gzippedZeros(256L * 1024 * 1024);
        assertTrue(bomb.length < RequestBody.MAX_BYTES, "the bomb is small as sent: " + bomb.length);

        assertEquals(
                ProblemType.BODY_TOO_LARGE, refused(base64(bomb), true, "gzip").type());
    }

    @Test
    void theBoundedRead_neverAsksAnEndlessStreamForMoreThanTheLimitAndOneByte() {
        CountingEndlessStream endless = new CountingEndlessStream();

        assertThrows(BoundedRead.LimitExceeded.class, () -> BoundedRead.readAtMost(endless, RequestBody.MAX_BYTES));

        assertEquals(RequestBody.MAX_BYTES + 1L, endless.delivered);
    }

    @Test
    void theBoundedRead_returnsAStreamWithinTheLimitWhole() throws IOException {
        byte[] bytes = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);

        assertEquals(100_000, BoundedRead.readAtMost(new java.io.ByteArrayInputStream(bytes), 100_000).length);
    }

    @Test
    void aCompressedBodyOverTheLimitAsSent_is413BeforeItIsInflated() {
        byte[] large = new byte[RequestBody.MAX_BYTES + 1];
        new java.util.Random(7).nextBytes(large);

        assertEquals(
                ProblemType.BODY_TOO_LARGE, refused(base64(large), true, "gzip").type());
    }

    @Test
    void headers_areFoundWhateverTheCaseOfTheirNames() {
        assertEquals("gzip", RequestBody.header(Map.of("Content-Encoding", "gzip"), RequestBody.CONTENT_ENCODING));
        assertEquals("gzip", RequestBody.header(Map.of("content-encoding", "gzip"), RequestBody.CONTENT_ENCODING));
        assertNull(RequestBody.header(null, RequestBody.CONTENT_ENCODING));
    }

    /** Zeros without end, counting how many bytes it handed out. */
    private static final class CountingEndlessStream extends InputStream {
        long delivered;

        @Override
        public int read() {
            delivered++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 0);
            delivered += length;
            return length;
        }
    }
}
