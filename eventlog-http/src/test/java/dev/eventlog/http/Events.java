package dev.eventlog.http;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Test data: events, and arbitrary valid events whose text holds what JSON must escape and HTML would. */
final class Events {

    private Events() {}

    static EventRecord event(String date, String time, String eventId, String userId, String eventType) {
        return event(date, time, eventId, userId, eventType, Map.of());
    }

    static EventRecord event(
            String date, String time, String eventId, String userId, String eventType, Map<String, String> attributes) {
        return new EventRecord(EventKey.parse(date, time, eventId), userId, eventType, attributes);
    }

    /** Text of 1 to {@code max} characters: letters, JSON's escapes, HTML's specials, non-ASCII and emoji. */
    static Arbitrary<String> text(int max) {
        return Arbitraries.oneOf(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(max),
                        Arbitraries.strings()
                                .withChars("\"\\/<>&='+ %:.-_~\u00e9\u3042\u2028\u2029")
                                .withChars('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(max),
                        Arbitraries.of("\ud83d\ude00", "</script>", "a\u00a0b", "x\u200by"))
                .filter(value -> !value.isBlank());
    }

    static Arbitrary<EventRecord> events() {
        Arbitrary<LocalDate> dates = Arbitraries.longs()
                .between(
                        LocalDate.of(1970, 1, 1).toEpochDay(),
                        LocalDate.of(2200, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<LocalTime> times =
                Arbitraries.longs().between(0, 86_399_999).map(millis -> LocalTime.ofNanoOfDay(millis * 1_000_000));
        Arbitrary<String> ids = Arbitraries.strings()
                .withChars("abcXYZ0189._:~-")
                .ofMinLength(1)
                .ofMaxLength(20)
                .filter(id -> !id.matches("\\.+") && !id.matches("[0-9a-f]{16}"));
        Arbitrary<Map<String, String>> attributes = Arbitraries.maps(
                        text(12), Arbitraries.oneOf(text(30), Arbitraries.just("")))
                .ofMaxSize(4);
        return Combinators.combine(dates, times, ids, text(20), text(12), attributes)
                .as((date, time, id, userId, eventType, attrs) ->
                        new EventRecord(new EventKey(date, time, id), userId, eventType, attrs));
    }
}
