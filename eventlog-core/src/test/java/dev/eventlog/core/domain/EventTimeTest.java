package dev.eventlog.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeTest {

    @Test
    void timeWithoutMilliseconds_isStoredCanonically() {
        EventTime key = EventTime.parse("2024-02-29", "14:19:00");

        assertEquals("2024-02-29", key.dateText());
        assertEquals("14:19:00.000", key.timeText());
    }

    @Test
    void timeWithMilliseconds_keepsThem() {
        assertEquals(
                "00:00:00.007", EventTime.parse("2024-01-01", "00:00:00.007").timeText());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-02-29",
                "2024-13-01",
                "2024-00-10",
                "2024-04-31",
                "2024-1-01",
                "24-01-01",
                "2024/01/01",
                "",
                " 2024-01-01",
                "２０２４-01-01"
            })
    void impossibleOrMalformedDate_isRejectedNamingTheField(String date) {
        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> EventTime.parse(date, "10:00:00"));

        assertEquals(
                List.of("date"), error.errors().stream().map(FieldError::field).toList());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "24:00:00",
                "23:60:00",
                "23:59:60",
                "1:00:00",
                "10:00",
                "10:00:00.1234567890",
                "10:00:00.",
                "10:00:00Z"
            })
    void impossibleOrMalformedTime_isRejectedNamingTheField(String time) {
        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> EventTime.parse("2024-01-01", time));

        assertEquals(
                List.of("time"), error.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void tenFractionDigits_isRejectedSayingSo() {
        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> EventTime.parse("2024-01-01", "10:00:00.1234567890"));

        assertTrue(error.errors().get(0).message().contains("at most 9 fraction digits"), error.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "10:00:00.1, 10:00:00.100",
        "10:00:00.12, 10:00:00.120",
        "10:00:00.123, 10:00:00.123",
        "10:00:00.1239, 10:00:00.123",
        "23:59:59.999999999, 23:59:59.999"
    })
    void oneToNineFractionDigits_areKeptToTheMillisecondByTruncation(String given, String stored) {
        assertEquals(stored, EventTime.parse("2024-01-01", given).timeText());
    }

    @ParameterizedTest
    @CsvSource({
        "2024-06-01T18:30:00.123456+09:00, 2024-06-01, 09:30:00.123",
        "2024-06-01T09:30:00.123Z, 2024-06-01, 09:30:00.123",
        "2024-06-01T09:30:00Z, 2024-06-01, 09:30:00.000",
        "2024-06-01t09:30:00.5z, 2024-06-01, 09:30:00.500",
        "2024-01-01T01:00:00.999999999+02:30, 2023-12-31, 22:30:00.999",
        "2024-12-31T20:00:00-05:00, 2025-01-01, 01:00:00.000"
    })
    void rfc3339Timestamp_isConvertedToUtc(String timestamp, String date, String time) {
        List<FieldError> errors = new ArrayList<>();

        EventTime at = EventTime.parseTimestamp("timestamp", timestamp, errors);

        assertEquals(List.of(), errors);
        assertEquals(EventTime.parse(date, time), at);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-06-01T09:30:00",
                "2024-06-01T09:30:00.123",
                "2024-06-01T09:30:00+24:00",
                "2024-06-01T09:30:00+09:60",
                "2024-06-01T09:30:00+0900",
                "2024-06-01T09:30:00.1234567890Z",
                "2024-06-01T09:30:00.Z",
                "2024-02-30T09:30:00Z",
                "2024-06-01T25:30:00Z",
                "2024-06-01",
                "yesterday",
                "0000-01-01T00:30:00+01:00"
            })
    void badTimestamp_isRejectedNamingTheField(String timestamp) {
        List<FieldError> errors = new ArrayList<>();

        assertEquals(null, EventTime.parseTimestamp("timestamp", timestamp, errors));

        assertEquals(
                List.of("timestamp"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void timestampWithoutOffset_saysToAddOne() {
        List<FieldError> errors = new ArrayList<>();

        EventTime.parseTimestamp("timestamp", "2024-06-01T09:30:00.123", errors);

        assertTrue(errors.get(0).message().contains("UTC offset"), errors.toString());
    }

    @Test
    void badDateAndBadTime_areBothReported() {
        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> EventTime.parse("2024-02-30", "25:00:00"));

        assertEquals(
                List.of("date", "time"),
                error.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void nextMillisecond_crossesMidnight() {
        EventTime lastOfYear = EventTime.parse("2024-12-31", "23:59:59.999");

        assertEquals(EventTime.parse("2025-01-01", "00:00:00.000"), lastOfYear.nextMillisecond());
    }

    @Test
    void keyOfAnInstant_isCutToTheMillisecond() {
        assertEquals(
                EventTime.parse("1970-01-01", "00:00:01.234"), EventTime.at(Instant.ofEpochSecond(1, 234_567_891)));
    }

    @Test
    void subMillisecondTime_isRejected() {
        assertThrows(
                InvalidInputException.class, () -> new EventTime(LocalDate.of(2024, 1, 1), LocalTime.of(1, 0, 0, 1)));
    }

    @Test
    void keysSortByDateThenTime() {
        EventTime late = EventTime.parse("2024-01-01", "23:00:00");
        EventTime nextDay = EventTime.parse("2024-01-02", "01:00:00");

        assertTrue(late.compareTo(nextDay) < 0);
        assertTrue(late.toString().compareTo(nextDay.toString()) < 0, "text order is time order");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "2024-02-29, 23:59:59.999, 2024-02-29T23:59:59.999",
        "0000-01-01, 00:00:00, 0000-01-01T00:00",
        "9999-12-31, 12:00:00.5, 9999-12-31T12:00:00.500",
        "2024-06-01, 09:30:00.123456, 2024-06-01T09:30:00.123",
    })
    void canonicalAndOtherForms_parseAlike(String date, String time, String expected) {
        assertEquals(
                java.time.LocalDateTime.parse(expected),
                EventTime.parse(date, time)
                        .instant()
                        .atZone(java.time.ZoneOffset.UTC)
                        .toLocalDateTime());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "24:00:00",
                "23:60:00.000",
                "23:59:60",
                "2a:00:00",
                "12:00:00.",
                "12:00:00.12x",
                "\u0661\u0662:00:00"
            })
    void impossibleOrMalformedTimes_areRefusedWhateverTheirShape(String time) {
        assertThrows(InvalidInputException.class, () -> EventTime.parse("2024-06-01", time));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01"})
    void impossibleOrMalformedDates_areRefused(String date) {
        assertThrows(InvalidInputException.class, () -> EventTime.parse(date, "12:00:00"));
    }
}
