package dev.eventlog.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of URL paths and query strings, the one rule the function, the local gateway and clients share
 * ({@link PercentEncoding} writes what it reads).
 *
 * <p>In a query string a {@code +} stands for a space, as in HTML form encoding (WHATWG URL standard,
 * "application/x-www-form-urlencoded parsing"); in a path it is a literal {@code +}. API Gateway applies the same
 * rule when it fills {@code queryStringParameters}: its developer guide for Lambda proxy integrations does not
 * say so, but a {@code +} sent in a query parameter reaches the function as a space (reported with the event
 * that shows it in aws/aws-cdk issue 19827), whereas {@code rawQueryString} keeps the request's bytes. A client
 * that means a literal plus sends {@code %2B}.
 */
public final class PercentDecoding {

    /** Whether a {@code +} in a query string decodes to a space (see the class comment for the source). */
    public static final boolean QUERY_PLUS_IS_SPACE = true;

    private PercentDecoding() {}

    /** A query-string name or value, decoded. */
    public static String queryComponent(String raw) {
        return decode(raw, QUERY_PLUS_IS_SPACE);
    }

    /** A path or path segment, decoded ({@code +} stays a plus). */
    public static String path(String raw) {
        return decode(raw, false);
    }

    /**
     * The decoded text.
     *
     * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits or the bytes are not UTF-8
     */
    public static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low < 0) {
                    throw new IllegalArgumentException("has a '%' that is not followed by two hex digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is percent-encoded but not as UTF-8");
        }
    }
}
