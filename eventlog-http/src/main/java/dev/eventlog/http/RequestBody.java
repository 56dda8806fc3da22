package dev.eventlog.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns a request body as API Gateway delivers it (text, or base64 when binary), uncompressed or gzip-compressed
 * ({@code Content-Encoding: gzip}), into text, within the size limit: {@value #MAX_BYTES} bytes as sent and again
 * once inflated. A compressed body is inflated through a bounded read that stops one byte past the limit, so a
 * small body that would inflate to gigabytes is refused at once, never held in memory.
 */
public final class RequestBody {

    /** 1 MiB, the largest body the API takes, as sent and once inflated. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** The request header naming the body's content coding (lower-case, as payload 2.0 hands headers over). */
    public static final String CONTENT_ENCODING = "content-encoding";
    /** The one content coding the API inflates. */
    public static final String GZIP = "gzip";

    private RequestBody() {}

    /**
     * The body as text; null when there is none.
     *
     * @param contentEncoding the {@code Content-Encoding} header's value, or null when the request has none
     * @throws ApiProblem 413 over the limit, 415 for a content coding other than gzip, 400 for a body that is not
     *     what its encodings say (base64, gzip, UTF-8)
     */
    public static String text(String body, boolean base64, String contentEncoding) {
        if (body == null) {
            return null;
        }
        boolean gzip = isGzip(contentEncoding);
        if (!base64 && !gzip) {
            // UTF-8 never takes fewer bytes than UTF-16 code units, so the cheap length check comes first.
            if (body.length() > MAX_BYTES || body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                throw tooLarge("");
            }
            return body;
        }
        byte[] bytes = base64 ? fromBase64(body) : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge("");
        }
        return utf8(gzip && bytes.length > 0 ? inflate(bytes) : bytes);
    }

    /** The value of header {@code name} in a header map whose names may have any case; null when absent. */
    public static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** {@code bytes} gzip-compressed, as a client sends a body with {@code Content-Encoding: gzip}. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    /**
     * Whether the body is gzip-compressed. {@code identity} (no coding) may be named; {@code x-gzip} is gzip (RFC
     * 9110, section 8.4.1.3); any other coding, or more than one, is refused with 415 and {@code Accept-Encoding}.
     */
    private static boolean isGzip(String contentEncoding) {
        if (contentEncoding == null) {
            return false;
        }
        int gzips = 0;
        for (String coding : contentEncoding.split(",")) {
            String name = coding.trim().toLowerCase(Locale.ROOT);
            if (name.equals(GZIP) || name.equals("x-gzip")) {
                gzips++;
            } else if (!name.isEmpty() && !name.equals("identity")) {
                throw unsupported(contentEncoding);
            }
        }
        if (gzips > 1) {
            throw unsupported(contentEncoding);
        }
        return gzips == 1;
    }

    private static byte[] fromBase64(String body) {
        if ((long) body.length() * 3 / 4 > MAX_BYTES + 3) {
            throw tooLarge("");
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("the request body is marked base64-encoded but is not valid base64");
        }
    }

    private static byte[] inflate(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return BoundedRead.readAtMost(in, MAX_BYTES);
        } catch (BoundedRead.LimitExceeded e) {
            throw tooLarge(" once inflated");
        } catch (IOException e) {
            throw ApiProblem.badRequest("the request body is marked gzip-compressed (Content-Encoding: gzip) but is"
                    + " not valid gzip data; compress the whole body once, or send it without Content-Encoding");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("the request body is not UTF-8 text");
        }
    }

    private static ApiProblem tooLarge(String when) {
        return new ApiProblem(
                ProblemType.BODY_TOO_LARGE, "the request body is larger than 1 MiB (" + MAX_BYTES + " bytes)" + when);
    }

    private static ApiProblem unsupported(String contentEncoding) {
        String shown = contentEncoding.length() > 64 ? contentEncoding.substring(0, 64) + "..." : contentEncoding;
        return new ApiProblem(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "the request body's Content-Encoding '" + shown.replaceAll("\\p{Cntrl}", "?")
                        + "' is not supported; send the body uncompressed, or compressed once with gzip and"
                        + " Content-Encoding: gzip",
                List.of(),
                Map.of("Accept-Encoding", GZIP));
    }
}
