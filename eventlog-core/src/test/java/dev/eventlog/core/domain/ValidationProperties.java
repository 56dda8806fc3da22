package dev.eventlog.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of parsing and validation that must hold for any input, not just the examples. */
class ValidationProperties {

    @Property
    void canonicalTime_roundTrips(
            @ForAll @IntRange(min = 0, max = 86_399_999) int millisOfDay,
            @ForAll @IntRange(min = 0, max = 3_000_000) int dayNumber) {
        LocalDate date = LocalDate.of(1, 1, 1).plusDays(dayNumber % 3_650_000);
        LocalTime time = LocalTime.ofNanoOfDay(millisOfDay * 1_000_000L);
        EventTime key = new EventTime(date, time);

        EventTime reparsed = EventTime.parse(key.dateText(), key.timeText());

        assertEquals(key, reparsed);
        assertEquals(key.timeText(), reparsed.timeText());
        assertEquals(12, key.timeText().length());
    }

    @Property
    void secondsOnlyTime_equalsTheSameTimeWithZeroMilliseconds(
            @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay) {
        String seconds = LocalTime.ofSecondOfDay(secondOfDay).toString();
        String text = seconds.length() == 5 ? seconds + ":00" : seconds;

        assertEquals(EventTime.parse("2024-01-01", text + ".000"), EventTime.parse("2024-01-01", text));
    }

    @Property(tries = 2000)
    void anyDraft_isEitherValidOrReportsFieldErrors(
            @ForAll("text") String date,
            @ForAll("text") String time,
            @ForAll("text") String userId,
            @ForAll("text") String eventType,
            @ForAll("attributes") Map<String, String> attributes) {
        EventDraft draft = new EventDraft(date, time, userId, eventType, attributes);
        List<FieldError> errors = draft.errors();
        if (errors.isEmpty()) {
            EventRecord record = draft.stampedByServer()
                    ? draft.toRecord(EventTime.parse("2024-01-01", "00:00:00"), "stamped")
                    : draft.toRecord();
            assertEquals(userId, record.userId());
        } else {
            for (FieldError error : errors) {
                assertFalse(error.field().isEmpty());
                assertFalse(error.message().isBlank());
            }
        }
    }

    @Property(tries = 2000)
    void anyKeyText_isEitherAKeyOrAnInvalidInput(@ForAll("keyish") String date, @ForAll("keyish") String time) {
        try {
            EventTime key = EventTime.parse(date, time);
            assertEquals(date, key.dateText());
        } catch (InvalidInputException expected) {
            assertFalse(expected.errors().isEmpty());
        }
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(0).ofMaxLength(140),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(70),
                Arbitraries.strings().withChars("0123456789-:.T ").ofMaxLength(14),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> keyish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789-:.").ofMaxLength(14),
                Arbitraries.strings().ofMaxLength(20));
    }

    @Provide
    Arbitrary<Map<String, String>> attributes() {
        return Arbitraries.oneOf(
                Arbitraries.maps(
                                Arbitraries.strings().ofMaxLength(70),
                                Arbitraries.strings().ofMaxLength(1100))
                        .ofMaxSize(40),
                Arbitraries.just(null));
    }
}
