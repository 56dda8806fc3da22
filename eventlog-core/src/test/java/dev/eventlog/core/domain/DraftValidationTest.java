package dev.eventlog.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One check of a draft yields either the event built from what it parsed, or every rule the draft breaks. */
class DraftValidationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T09:30:00.123456Z"), ZoneOffset.UTC);

    @Test
    void validDraft_yieldsTheSameEventAsItsRecord() {
        EventDraft draft = new EventDraft("2024-06-01", "09:30:00.5", "alice", "login", Map.of("b", "2", "a", "1"));

        Validated validated = draft.validate(CLOCK);

        assertEquals(List.of(), validated.errors());
        assertEquals(
                draft.toRecord(),
                assertInstanceOf(Validated.Valid.class, validated).event());
        assertEquals(
                EventIds.derive("alice", "login", Map.of("a", "1", "b", "2")),
                validated.orThrow().eventId());
    }

    @Test
    void invalidDraft_yieldsEveryErrorItsCheckReports_andNoEvent() {
        EventDraft draft = new EventDraft("2024-02-30", "25:00:00", null, "0123456789abcdef", "", "login", null);

        Validated validated = draft.validate(CLOCK);

        assertEquals(
                draft.errors(),
                assertInstanceOf(Validated.Invalid.class, validated).errors());
        assertEquals(
                List.of("date", "time", "userId"),
                validated.errors().stream().map(FieldError::field).toList());
        InvalidInputException thrown = assertThrows(InvalidInputException.class, validated::orThrow);
        assertEquals(validated.errors(), thrown.errors());
    }

    @Test
    void draftWithoutATime_takesTheClocksMillisecondAndAFreshIdEachTime() {
        EventDraft draft = new EventDraft(null, null, "alice", "login");

        EventRecord first = draft.validate(CLOCK).orThrow();
        EventRecord second = draft.validate(CLOCK).orThrow();

        assertEquals("2024-06-01/09:30:00.123", first.key().moment().toString());
        assertEquals(first.key().moment(), second.key().moment());
        assertNotEquals(first.eventId(), second.eventId());
    }

    @Test
    void theBuiltEvent_keepsNoLinkToTheDraftsAttributes() {
        Map<String, String> attributes = new HashMap<>(Map.of("page", "/home"));
        EventRecord event = new EventDraft("2024-06-01", "09:30:00", "alice", "login", attributes)
                .validate(CLOCK)
                .orThrow();
        attributes.put("page", "/away");

        assertEquals(Map.of("page", "/home"), event.attributes());
        assertThrows(
                UnsupportedOperationException.class, () -> event.attributes().put("x", "y"));
    }

    @Test
    void checkedContent_vouchesOnlyForTheUserAndTypeItWasCheckedWith() {
        CheckedContent content = CheckedContent.check("alice", "login", Map.of("k", "v"), new ArrayList<>());
        EventKey key = EventKey.parse("2024-06-01", "09:30:00", "id-1");

        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> new EventRecord(key, " ", "login", content));

        assertEquals(List.of(new FieldError("userId", "must not be blank")), error.errors());
        assertEquals(Map.of("k", "v"), new EventRecord(key, "alice", "login", content).attributes());
    }
}
