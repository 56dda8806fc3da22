package dev.eventlog.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules and the two sources of an {@code eventId}: derived from an event's content when the client gave its
 * time (so an identical retry names the same event), random when the server stamps the time.
 */
public final class EventIds {

    public static final int MAX_LENGTH = 64;
    /** Characters that need no escaping in a URL path, a DynamoDB key or a log line. */
    private static final String ALLOWED = "A-Z, a-z, 0-9 and . _ : ~ -";

    private static final int DERIVED_HEX_DIGITS = 16;
    private static final Pattern DERIVED_FORM = Pattern.compile("[0-9a-f]{" + DERIVED_HEX_DIGITS + "}");
    private static final Pattern DOTS_ONLY = Pattern.compile("\\.+");
    /** {@link String#compareTo} compares UTF-16 code units, which is the documented order of attribute names. */
    private static final Comparator<String> UTF16_CODE_UNIT_ORDER = Comparator.naturalOrder();

    private EventIds() {}

    /** True when {@code id} keeps every rule of {@link #check}: the cheap test a key makes of every id it holds. */
    static boolean valid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!allowed(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code id} has the form of a derived id, so that {@link #checkGiven} compares it with one. */
    public static boolean hasDerivedForm(String id) {
        return DERIVED_FORM.matcher(id).matches();
    }

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
     * Adds to {@code errors} every rule an id that a client gives for a new event breaks: those of every id, and two
     * more. An id made only of dots would be a dot segment in the event's URL, which no client or gateway keeps as
     * it is, so it could never be read back. An id of the derived form (16 lowercase hex digits) must be the one
     * {@code derived} from the event's content: the rule is public, so anyone could otherwise take the id another
     * caller's event will derive and make that event a conflict. Ids of any other form are the client's own.
     *
     * @param derived the id derived from the event's content, or null when the content is itself invalid (its own
     *     errors are reported then, and this rule is left until they are fixed)
     */
    public static void checkGiven(String field, String id, String derived, List<FieldError> errors) {
        int before = errors.size();
        check(field, id, errors);
        if (errors.size() > before) {
            return;
        }
        if (DOTS_ONLY.matcher(id).matches()) {
            errors.add(new FieldError(
                    field,
                    "must not be made only of dots: '" + id + "' would be a dot segment in the event's URL, which"
                            + " clients and gateways resolve away, so the event could not be read back"));
        } else if (derived != null && hasDerivedForm(id) && !id.equals(derived)) {
            errors.add(new FieldError(
                    field,
                    "has the form of a derived id (16 lowercase hex digits), so it must be the id derived from this"
                            + " event's content, " + derived + "; omit 'eventId' to have it derived, or choose an id"
                            + " of another form (a UUID, a ULID, your own message id)"));
        }
    }

    /**
     * The id of an event whose client gave no id: the first 16 lowercase hex digits of SHA-256 over the UTF-8 text
     * {@code userId\neventType\n} followed by {@code name\nvalue\n} for each attribute in name order. No field may
     * hold a control character, so the text names one content only. The rule is public so any client can compute it.
     *
     * <p>Name order is UTF-16 code-unit order: {@link String#compareTo}, and JavaScript's default sort. It differs
     * from code-point order (Python's and Go's default string order) only for names that hold characters beyond
     * U+FFFF, whose surrogates sort before U+E000-U+FFFF. The rule stays as it is, since stored events keep the ids
     * it gave them and a replay of one must derive the same id.
     */
    public static String derive(String userId, String eventType, Map<String, String> attributes) {
        StringBuilder text = new StringBuilder()
                .append(userId)
                .append('\n')
                .append(eventType)
                .append('\n');
        if (attributes != null) {
            inNameOrder(attributes)
                    .forEach((name, value) ->
                            text.append(name).append('\n').append(value).append('\n'));
        }
        byte[] digest = sha256(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, DERIVED_HEX_DIGITS);
    }

    /** The attributes in name order: as they are when already sorted so (a record's are), else a sorted copy. */
    private static Map<String, String> inNameOrder(Map<String, String> attributes) {
        if (attributes instanceof SortedMap<String, String> sorted && sorted.comparator() == null) {
            return sorted;
        }
        TreeMap<String, String> copy = new TreeMap<>(UTF16_CODE_UNIT_ORDER);
        copy.putAll(attributes);
        return copy;
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
