package dev.eventlog.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventKeyTest {

    @Test
    void timeWithoutMilliseconds_isStoredCanonically() {
        EventKey key = EventKey.parse("2024-02-29", "14:19:00");

        assertEquals("2024-02-29", key.dateText());
        assertEquals("14:19:00.000", key.timeText());
    }

    @Test
    void timeWithMilliseconds_keepsThem() {
        assertEquals("00:00:00.007", EventKey.parse("2024-01-01", "00:00:00.007").timeText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01", "24-01-01", "2024/01/01", "", " 2024-01-01", "２０２４-01-01"})
    void impossibleOrMalformedDate_isRejectedNamingTheField(String date) {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> EventKey.parse(date, "10:00:00"));

        assertEquals(List.of("date"), error.errors().stream().map(FieldError::field).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00:00", "23:60:00", "23:59:60", "1:00:00", "10:00", "10:00:00.1234", "10:00:00.1", "10:00:00.12", "10:00:00.", "10:00:00Z"})
    void impossibleOrMalformedTime_isRejectedNamingTheField(String time) {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> EventKey.parse("2024-01-01", time));

        assertEquals(List.of("time"), error.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void moreThanThreeFractionDigits_saysSo() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> EventKey.parse("2024-01-01", "10:00:00.1234"));

        assertTrue(error.errors().get(0).message().contains("at most 3 fraction digits"), error.getMessage());
    }

    @Test
    void badDateAndBadTime_areBothReported() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> EventKey.parse("2024-02-30", "25:00:00"));

        assertEquals(List.of("date", "time"), error.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void nextMillisecond_crossesMidnight() {
        EventKey lastOfYear = EventKey.parse("2024-12-31", "23:59:59.999");

        assertEquals(EventKey.parse("2025-01-01", "00:00:00.000"), lastOfYear.nextMillisecond());
    }

    @Test
    void keyOfAnInstant_isCutToTheMillisecond() {
        assertEquals(EventKey.parse("1970-01-01", "00:00:01.234"), EventKey.at(Instant.ofEpochSecond(1, 234_567_891)));
    }

    @Test
    void subMillisecondTime_isRejected() {
        assertThrows(InvalidInputException.class, () -> new EventKey(LocalDate.of(2024, 1, 1), LocalTime.of(1, 0, 0, 1)));
    }

    @Test
    void keysSortByDateThenTime() {
        EventKey late = EventKey.parse("2024-01-01", "23:00:00");
        EventKey nextDay = EventKey.parse("2024-01-02", "01:00:00");

        assertTrue(late.compareTo(nextDay) < 0);
        assertTrue(late.toString().compareTo(nextDay.toString()) < 0, "text order is time order");
    }
}
