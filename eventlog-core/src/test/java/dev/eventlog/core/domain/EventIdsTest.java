package dev.eventlog.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdsTest {

    /**
     * The documented example: {@code printf 'alice\nlogin\npage\n/home\n' | sha256sum} begins with these 16 digits,
     * so any client can check its own implementation of the rule against it.
     */
    @Test
    void derivedId_ofTheDocumentedExample() {
        assertEquals("9ef0ac048c9a4d0d", EventIds.derive("alice", "login", Map.of("page", "/home")));
    }

    @Test
    void derivedId_withoutAttributes_hashesUserAndTypeOnly() {
        // printf 'alice\nlogin\n' | sha256sum
        assertEquals("988d896fa6bfd896", EventIds.derive("alice", "login", Map.of()));
        assertEquals("988d896fa6bfd896", EventIds.derive("alice", "login", null));
    }

    @Test
    void derivedId_takesAttributesInNameOrderWhateverTheirOrderInTheRequest() {
        Map<String, String> zFirst = new LinkedHashMap<>();
        zFirst.put("z", "1");
        zFirst.put("a", "2");
        Map<String, String> aFirst = new LinkedHashMap<>();
        aFirst.put("a", "2");
        aFirst.put("z", "1");

        assertEquals(EventIds.derive("u", "t", aFirst), EventIds.derive("u", "t", zFirst));
    }

    /**
     * Attribute names are taken in UTF-16 code-unit order (Java's {@code String.compareTo}, JavaScript's default
     * sort), not in code-point order: the emoji's first unit, the surrogate 0xD83D, sorts before U+FFFD, whereas by
     * code point U+1F600 comes after it. Python's {@code sorted(attrs, key=lambda k: k.encode('utf-16-be'))} gives
     * this id; its plain {@code sorted(attrs)} gives {@code be94a707571088cf}.
     */
    @Test
    void derivedId_takesAttributeNamesInUtf16CodeUnitOrder() {
        Map<String, String> attributes = Map.of("\uD83D\uDE00", "emoji", "\uFFFD", "replacement");

        assertEquals("b49eda79ebc50bc1", EventIds.derive("alice", "react", attributes));
    }

    @Test
    void derivedId_differsWhenAnyContentDiffers() {
        String base = EventIds.derive("alice", "login", Map.of("page", "/home"));

        assertNotEquals(base, EventIds.derive("bob", "login", Map.of("page", "/home")));
        assertNotEquals(base, EventIds.derive("alice", "logout", Map.of("page", "/home")));
        assertNotEquals(base, EventIds.derive("alice", "login", Map.of("page", "/away")));
        assertNotEquals(base, EventIds.derive("alice", "login", Map.of()));
    }

    @Test
    void randomIds_areValidAndDistinct() {
        String first = EventIds.random();
        String second = EventIds.random();

        assertNotEquals(first, second);
        List<FieldError> errors = new ArrayList<>();
        EventIds.check("eventId", first, errors);
        assertEquals(List.of(), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "01J0Z8XK2M3N4P5Q6R7S8T9V0W", "123e4567-e89b-12d3-a456-426614174000", "msg:42.v1~x_y"})
    void validIds_areAccepted(String id) {
        assertEquals(id, EventTime.parse("2024-01-01", "00:00:00").withId(id).eventId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/id", "hash#id", "percent%20", "é", "tab\tid", "question?"})
    void badIds_areRejectedNamingTheField(String id) {
        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> EventKey.parse("2024-01-01", "00:00:00", id));

        assertEquals(
                List.of("eventId"),
                error.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void idOfSixtyFiveCharacters_isTooLong() {
        InvalidInputException error = assertThrows(
                InvalidInputException.class, () -> EventKey.parse("2024-01-01", "00:00:00", "x".repeat(65)));

        assertTrue(error.getMessage().contains("at most 64 characters"), error.getMessage());
        assertEquals(
                "x".repeat(64),
                EventKey.parse("2024-01-01", "00:00:00", "x".repeat(64)).eventId());
    }

    @Test
    void keysSortByTimeThenId() {
        EventKey early = EventKey.parse("2024-01-01", "10:00:00.000", "zzz");
        EventKey sameMsLowId = EventKey.parse("2024-01-01", "10:00:00.001", "aaa");
        EventKey sameMsHighId = EventKey.parse("2024-01-01", "10:00:00.001", "bbb");

        assertTrue(early.compareTo(sameMsLowId) < 0);
        assertTrue(sameMsLowId.compareTo(sameMsHighId) < 0);
    }

    @Test
    void badDateTimeAndId_areAllReported() {
        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> EventKey.parse("2024-02-30", "25:00:00", "a b"));

        assertEquals(
                List.of("date", "time", "eventId"),
                error.errors().stream().map(FieldError::field).toList());
    }
}
