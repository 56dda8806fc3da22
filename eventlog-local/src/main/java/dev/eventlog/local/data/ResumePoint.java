package dev.eventlog.local.data;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where an interrupted export continues: the part it was reading (by its start) and the API's page token within
 * it (none: the part's beginning). Printed as one opaque word; the page token inside is sealed to its query, so a
 * resume point used with other options is refused.
 */
public record ResumePoint(String part, Optional<String> pageToken) {

    private static final String VERSION = "e1";

    public String token() {
        String text = VERSION + "\n" + part + "\n" + pageToken.orElse("");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The point a token names; throws {@link IllegalArgumentException} for anything an export did not print. */
    public static ResumePoint parse(String token) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notOurs(token);
        }
        String[] parts = text.split("\n", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[1].isEmpty()) {
            throw notOurs(token);
        }
        return new ResumePoint(parts[1], parts[2].isEmpty() ? Optional.empty() : Optional.of(parts[2]));
    }

    private static IllegalArgumentException notOurs(String token) {
        return new IllegalArgumentException(
                "--resume '" + (token.length() > 40 ? token.substring(0, 40) + "..." : token)
                        + "' is not a resume point an export printed");
    }
}
