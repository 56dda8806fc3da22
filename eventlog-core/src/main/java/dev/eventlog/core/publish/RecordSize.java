package dev.eventlog.core.publish;

import dev.eventlog.core.domain.EventRecord;
import java.util.Map;

/**
 * An upper bound of the bytes an event takes as compact JSON in a batch, whatever the writer: every character
 * that a writer might escape is counted at the six bytes of a {@code \}{@code uXXXX} escape, which is also more
 * than any character's UTF-8 bytes. Overstating costs a little batch room; understating would cost a refused
 * request, so the bound errs on the large side and stays cheap enough for the caller's thread.
 */
final class RecordSize {

    /** Braces, the six field names with their quotes and colons, and the comma between events, with room to spare. */
    static final int EVENT_OVERHEAD = 128;
    /** Two pairs of quotes, a colon and a comma. */
    static final int ATTRIBUTE_OVERHEAD = 6;
    /** A {@code \}{@code uXXXX} escape: the longest form one UTF-16 unit takes in JSON. */
    static final int ESCAPED_CHAR = 6;
    /** {@code YYYY-MM-DD} and {@code HH:mm:ss.SSS}: digits and separators only. */
    private static final int DATE_AND_TIME = 10 + 12;

    private RecordSize() {}

    static long of(EventRecord event) {
        long bytes =
                EVENT_OVERHEAD + DATE_AND_TIME + text(event.eventId()) + text(event.userId()) + text(event.eventType());
        for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
            bytes += ATTRIBUTE_OVERHEAD + text(attribute.getKey()) + text(attribute.getValue());
        }
        return bytes;
    }

    private static long text(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            bytes += plain(text.charAt(i)) ? 1 : ESCAPED_CHAR;
        }
        return bytes;
    }

    /** Printable ASCII that no writer escapes: not a quote or backslash, and not what HTML-safe writers escape. */
    private static boolean plain(char c) {
        return c >= 0x20 && c < 0x7f && "\"\\<>&='".indexOf(c) < 0;
    }
}
