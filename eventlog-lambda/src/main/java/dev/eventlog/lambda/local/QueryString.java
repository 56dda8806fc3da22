package dev.eventlog.lambda.local;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A raw query string split into name/value pairs, percent-decoded, in the order sent. A {@code +} stays a
 * {@code +}: SigV4 signs the decoded value re-encoded with {@code %2B}, and API Gateway does not turn it into a space.
 */
public final class QueryString {

    private QueryString() {
    }

    /** The pairs of {@code rawQuery}; a name without {@code =} has the empty value. */
    public static List<Map.Entry<String, String>> parse(String rawQuery) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new SimpleEntry<>(percentDecode(name), percentDecode(value)));
        }
        return pairs;
    }

    /** Decodes {@code %XX} escapes as UTF-8; a malformed escape is kept literally rather than rejected. */
    public static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}
