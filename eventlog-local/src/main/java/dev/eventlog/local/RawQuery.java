package dev.eventlog.local;

import dev.eventlog.http.PercentDecoding;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request's raw query string or path as the gateway reads it: decoded by the API's {@link PercentDecoding}
 * rule, but leniently, since the gateway forwards what it cannot decode and leaves the verdict to the function.
 */
public final class RawQuery {

    private RawQuery() {}

    /**
     * The name/value pairs of {@code rawQuery} in the order sent, for the payload's {@code queryStringParameters}
     * ({@code +} decodes as {@link PercentDecoding#QUERY_PLUS_IS_SPACE} says).
     */
    public static List<Map.Entry<String, String>> parameters(String rawQuery) {
        return pairs(rawQuery, PercentDecoding.QUERY_PLUS_IS_SPACE);
    }

    /**
     * The pairs as SigV4 canonicalizes them: each name and value is re-encoded from its bytes, so a {@code +} is
     * the byte the client signed (re-encoded {@code %2B} by the SDK's signers), not a space.
     */
    public static List<Map.Entry<String, String>> signedParameters(String rawQuery) {
        return pairs(rawQuery, false);
    }

    /** A path decoded ({@code +} stays a plus); a malformed escape stays as it was sent. */
    public static String path(String rawPath) {
        return lenient(rawPath, false);
    }

    private static List<Map.Entry<String, String>> pairs(String rawQuery, boolean plusIsSpace) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String part : rawQuery.split("&")) {
            if (!part.isEmpty()) {
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                String value = eq < 0 ? "" : part.substring(eq + 1);
                pairs.add(new SimpleEntry<>(lenient(name, plusIsSpace), lenient(value, plusIsSpace)));
            }
        }
        return pairs;
    }

    private static String lenient(String text, boolean plusIsSpace) {
        try {
            return PercentDecoding.decode(text, plusIsSpace);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
