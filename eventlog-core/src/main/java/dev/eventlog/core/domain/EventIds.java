package dev.eventlog.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rules and the two sources of an {@code eventId}: derived from an event's content when the client gave its
 * time (so an identical retry names the same event), random when the server stamps the time.
 */
public final class EventIds {

    public static final int MAX_LENGTH = 64;
    /** Characters that need no escaping in a URL path, a DynamoDB key or a log line. */
    private static final String ALLOWED = "A-Z, a-z, 0-9 and . _ : ~ -";

    private static final int DERIVED_HEX_DIGITS = 16;

    private EventIds() {}

    /** Adds to {@code errors} every rule {@code id} breaks as field {@code field}. */
    public static void check(String field, String id, List<FieldError> errors) {
        if (id == null) {
            errors.add(new FieldError(field, "is required"));
            return;
        }
        if (id.isEmpty()) {
            errors.add(new FieldError(field, "must not be empty (omit it to let the server choose one)"));
            return;
        }
        if (id.length() > MAX_LENGTH) {
            errors.add(
                    new FieldError(field, "must be at most " + MAX_LENGTH + " characters (got " + id.length() + ")"));
        }
        for (int i = 0; i < id.length(); i++) {
            if (!allowed(id.charAt(i))) {
                int cp = id.codePointAt(i);
                errors.add(new FieldError(
                        field,
                        "may hold only " + ALLOWED + " (found U+" + String.format("%04X", cp) + " at index " + i
                                + ")"));
                return;
            }
        }
    }

    /**
     * The id of an event whose client gave no id: the first 16 lowercase hex digits of SHA-256 over the UTF-8 text
     * {@code userId\neventType\n} followed by {@code name\nvalue\n} for each attribute in name order. No field may
     * hold a control character, so the text names one content only. The rule is public so any client can compute it.
     */
    public static String derive(String userId, String eventType, Map<String, String> attributes) {
        StringBuilder text = new StringBuilder()
                .append(userId)
                .append('\n')
                .append(eventType)
                .append('\n');
        if (attributes != null) {
            new TreeMap<>(attributes)
                    .forEach((name, value) ->
                            text.append(name).append('\n').append(value).append('\n'));
        }
        byte[] digest = sha256(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, DERIVED_HEX_DIGITS);
    }

    /** A fresh id for an event the server stamps: such a request is a new event each time it arrives. */
    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** SHA-256 of {@code bytes}: ids, write shards and page tokens all hash with it. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static boolean allowed(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == ':'
                || c == '~'
                || c == '-';
    }
}
