package dev.eventlog.core.publish;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The size estimate is never below the JSON of an event, however a writer escapes it. */
class RecordSizeProperties {

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(64),
                Arbitraries.strings().withChars("\"\\<>&='é漢").ofMinLength(1).ofMaxLength(64));
    }

    @Provide
    Arbitrary<Map<String, String>> attributes() {
        return Arbitraries.maps(text(), text()).ofMaxSize(5);
    }

    @Property(tries = 500)
    void estimate_isAtLeastTheJsonOfTheEvent_escapedOrNot(
            @ForAll("text") String userId,
            @ForAll("text") String eventType,
            @ForAll("attributes") Map<String, String> attributes) {
        Assume.that(EventRecord.contentErrors(userId, eventType, attributes).isEmpty());
        EventRecord event =
                EventRecord.derived(EventTime.parse("2024-05-01", "10:00:00.123"), userId, eventType, attributes);

        long estimate = RecordSize.of(event);

        assertTrue(estimate >= utf8(json(event, false)), "against minimal escaping");
        assertTrue(estimate >= utf8(json(event, true)), "against escaping all but plain ASCII");
    }

    /** The event as one element of a JSON array, comma included. */
    private static String json(EventRecord event, boolean escapeAll) {
        StringBuilder out = new StringBuilder("{");
        field(out, "date", event.key().dateText(), escapeAll).append(',');
        field(out, "time", event.key().timeText(), escapeAll).append(',');
        field(out, "eventId", event.eventId(), escapeAll).append(',');
        field(out, "userId", event.userId(), escapeAll).append(',');
        field(out, "eventType", event.eventType(), escapeAll).append(",\"attributes\":{");
        String separator = "";
        for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
            field(out.append(separator), attribute.getKey(), attribute.getValue(), escapeAll);
            separator = ",";
        }
        return out.append("}},").toString();
    }

    private static StringBuilder field(StringBuilder out, String name, String value, boolean escapeAll) {
        return string(string(out, name, escapeAll).append(':'), value, escapeAll);
    }

    private static StringBuilder string(StringBuilder out, String text, boolean escapeAll) {
        out.append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (escapeAll && (c < 0x20 || c >= 0x7f)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
