package dev.eventlog.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventRecordTest {

    private static final EventKey KEY = EventKey.parse("2024-05-01", "12:00:00", "id-1");

    private static List<String> fieldsOf(Runnable action) {
        InvalidInputException error = assertThrows(InvalidInputException.class, action::run);
        return error.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void everyBrokenRule_isReportedAtOnce() {
        assertEquals(List.of("userId", "eventType"), fieldsOf(() -> new EventRecord(KEY, "", "x".repeat(65))));
    }

    @Test
    void missingFields_areRequired() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new EventRecord(KEY, null, null));

        assertEquals(
                List.of(new FieldError("userId", "is required"), new FieldError("eventType", "is required")),
                error.errors());
    }

    @Test
    void lengthLimits_areInclusive() {
        new EventRecord(KEY, "u".repeat(128), "e".repeat(64));

        assertEquals(List.of("userId"), fieldsOf(() -> new EventRecord(KEY, "u".repeat(129), "login")));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String emoji = "😀".repeat(128);

        assertEquals(128, new EventRecord(KEY, emoji, "login").userId().codePointCount(0, emoji.length()));
    }

    @Test
    void blankUserId_isRejected() {
        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> new EventRecord(KEY, "   ", "login"));

        assertEquals("'userId' must not be blank", error.getMessage());
    }

    @Test
    void controlCharacters_areRejectedEverywhere() {
        assertEquals(
                List.of("userId", "eventType", "attributes.k"),
                fieldsOf(() -> new EventRecord(KEY, "a\u0000b", "log\nin", Map.of("k", "v\u007f"))));
        assertEquals(List.of("attributes.k\tx"), fieldsOf(() -> new EventRecord(KEY, "a", "b", Map.of("k\tx", "v"))));
    }

    @Test
    void unpairedSurrogate_isRejected() {
        assertEquals(List.of("userId"), fieldsOf(() -> new EventRecord(KEY, "a\uD800b", "login")));
    }

    @Test
    void attributes_areLimitedInCountKeyAndValueLength() {
        Map<String, String> tooMany = IntStream.range(0, 33).boxed().collect(Collectors.toMap(i -> "k" + i, i -> "v"));
        assertEquals(List.of("attributes"), fieldsOf(() -> new EventRecord(KEY, "a", "b", tooMany)));

        assertEquals(
                List.of("attributes." + "k".repeat(65)),
                fieldsOf(() -> new EventRecord(KEY, "a", "b", Map.of("k".repeat(65), "v"))));
        assertEquals(
                List.of("attributes.k"), fieldsOf(() -> new EventRecord(KEY, "a", "b", Map.of("k", "v".repeat(1025)))));
        assertEquals(List.of("attributes."), fieldsOf(() -> new EventRecord(KEY, "a", "b", Map.of("", "v"))));
    }

    @Test
    void nullAttributeValue_isRejected() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("k", null);

        assertEquals(List.of("attributes.k"), fieldsOf(() -> new EventRecord(KEY, "a", "b", withNull)));
    }

    @Test
    void attributes_areCopiedAndImmutable() {
        Map<String, String> source = new HashMap<>(Map.of("b", "2", "a", "1"));
        EventRecord event = new EventRecord(KEY, "a", "b", source);
        source.put("c", "3");

        assertEquals(List.of("a", "b"), List.copyOf(event.attributes().keySet()));
        assertThrows(
                UnsupportedOperationException.class, () -> event.attributes().put("x", "y"));
    }

    @Test
    void emptyAndMissingAttributes_areTheSameEvent() {
        assertEquals(new EventRecord(KEY, "a", "b", null), new EventRecord(KEY, "a", "b", Map.of()));
        assertTrue(new EventRecord(KEY, "a", "b", null).attributes().isEmpty());
    }
}
