package dev.eventlog.http;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of the path segments and query strings a client sends: the inverse of {@link PercentDecoding},
 * so that whatever a client encodes here the API decodes to the same text.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    /**
     * One path segment: every byte of its UTF-8 form is encoded except the unreserved characters of RFC 3986
     * ({@code A-Z a-z 0-9 - . _ ~}) and {@code :}, which a time holds and a segment may carry as it is. A segment of
     * dots only is encoded whole, so that no client or proxy on the way resolves it as a dot segment.
     */
    public static String pathSegment(String value) {
        if (!value.isEmpty() && value.chars().allMatch(c -> c == '.')) {
            return "%2E".repeat(value.length());
        }
        return encode(value, true);
    }

    /**
     * A query-string name or value: everything but the unreserved characters is encoded, so a space is sent as
     * {@code %20} and a {@code +} as {@code %2B}, never a bare {@code +}, which the API reads as a space.
     */
    public static String queryComponent(String value) {
        return encode(value, false);
    }

    private static String encode(String value, boolean keepColon) {
        StringBuilder encoded = null;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean kept = unreserved(b) || (keepColon && b == ':');
            if (kept && encoded == null) {
                continue;
            }
            if (encoded == null) {
                encoded = new StringBuilder(bytes.length + 16);
                encoded.append(value, 0, i); // every byte before i was a kept ASCII character
            }
            if (kept) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return encoded == null ? value : encoded.toString();
    }

    private static boolean unreserved(int b) {
        return (b >= 'A' && b <= 'Z')
                || (b >= 'a' && b <= 'z')
                || (b >= '0' && b <= '9')
                || b == '-'
                || b == '.'
                || b == '_'
                || b == '~';
    }
}
