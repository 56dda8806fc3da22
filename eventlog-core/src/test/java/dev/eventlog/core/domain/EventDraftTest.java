package dev.eventlog.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventDraftTest {

    @Test
    void draftWithoutDateAndTime_isStampedByTheServer() {
        EventDraft draft = new EventDraft(null, null, "alice", "login");

        assertTrue(draft.stampedByServer());
        assertTrue(draft.errors().isEmpty());
    }

    @Test
    void timeWithoutDate_isAnError() {
        EventDraft draft = new EventDraft(null, "10:00:00", "alice", "login");

        assertFalse(draft.stampedByServer());
        assertEquals(
                List.of("date"), draft.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void everyBadField_isReported() {
        EventDraft draft = new EventDraft("2024-02-30", "10:00:00.1234567890", "", null);

        assertEquals(
                List.of("date", "time", "userId", "eventType"),
                draft.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void timestampWithDateOrTime_isRejectedNamingTheFields() {
        EventDraft draft =
                new EventDraft("2024-06-01", "09:30:00", "2024-06-01T09:30:00Z", null, "alice", "login", null);

        List<FieldError> errors = draft.errors();

        assertEquals(
                List.of("timestamp"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("'date' and 'time'"), errors.toString());
    }

    @Test
    void pythonIsoformatAndJavascriptIsoString_nameTheSameUtcMillisecond() {
        EventRecord python =
                new EventDraft(null, null, "2024-06-01T18:30:00.123456+09:00", null, "alice", "login", null).toRecord();
        EventRecord javascript =
                new EventDraft(null, null, "2024-06-01T09:30:00.123Z", null, "alice", "login", null).toRecord();

        assertEquals(python, javascript);
        assertEquals("2024-06-01", python.key().dateText());
        assertEquals("09:30:00.123", python.key().timeText());
    }

    @Test
    void draftWithTimeAndNoId_getsTheIdDerivedFromItsContent() {
        EventRecord record =
                new EventDraft("2024-06-01", "09:30:00", "alice", "login", Map.of("page", "/home")).toRecord();

        assertEquals("9ef0ac048c9a4d0d", record.eventId());
    }

    @Test
    void givenId_isKept() {
        EventRecord record =
                new EventDraft("2024-06-01", "09:30:00", null, "client-42", "alice", "login", null).toRecord();

        assertEquals("client-42", record.eventId());
    }

    @Test
    void badIdAndBadTimestamp_areBothReported() {
        EventDraft draft = new EventDraft(null, null, "2024-06-01T09:30:00+25:00", "no spaces", "alice", "login", null);

        assertEquals(
                List.of("timestamp", "eventId"),
                draft.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void serverStampedDraft_takesTheFreshId() {
        EventTime now = EventTime.parse("2024-06-01", "09:30:00.001");

        assertEquals(
                "fresh",
                new EventDraft(null, null, "alice", "login")
                        .toRecord(now, "fresh")
                        .eventId());
    }

    @Test
    void eventIdWithoutATime_isRefusedSayingWhyAndWhatToSendInstead() {
        EventDraft draft = new EventDraft(null, null, null, "order-42", "alice", "login", null);

        List<FieldError> errors = draft.errors();

        assertEquals(List.of("eventId"), errors.stream().map(FieldError::field).toList());
        String message = errors.get(0).message();
        assertTrue(message.contains("second event"), message);
        assertTrue(message.contains("'date' and 'time'") && message.contains("'timestamp'"), message);
        assertTrue(message.contains("derived"), message);
    }

    @Test
    void eventIdWithATimestamp_isAnIdempotencyKey() {
        EventDraft draft = new EventDraft(null, null, "2024-06-01T09:30:00Z", "order-42", "alice", "login", null);

        assertEquals(List.of(), draft.errors());
        assertEquals("order-42", draft.toRecord().eventId());
    }

    @Test
    void idOfTheDerivedForm_thatIsNotTheContentsOwn_isRefusedNamingTheRule() {
        String alicesLogin = EventIds.derive("alice", "login", Map.of("page", "/home"));
        EventDraft squatter = new EventDraft(
                "2024-06-01", "09:30:00", null, alicesLogin, "mallory", "login", Map.of("page", "/home"));

        List<FieldError> errors = squatter.errors();

        assertEquals(List.of("eventId"), errors.stream().map(FieldError::field).toList());
        String message = errors.get(0).message();
        assertTrue(message.contains("16 lowercase hex digits"), message);
        assertTrue(message.contains(EventIds.derive("mallory", "login", Map.of("page", "/home"))), message);
    }

    @Test
    void idOfTheDerivedForm_thatIsTheContentsOwn_isAccepted() {
        String derived = EventIds.derive("alice", "login", Map.of("page", "/home"));
        EventDraft draft =
                new EventDraft("2024-06-01", "09:30:00", null, derived, "alice", "login", Map.of("page", "/home"));

        assertEquals(List.of(), draft.errors());
        assertEquals(
                new EventDraft("2024-06-01", "09:30:00", "alice", "login", Map.of("page", "/home")).toRecord(),
                draft.toRecord());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9EF0AC048C9A4D0D", "9ef0ac048c9a4d0", "9ef0ac048c9a4d0d0", "order-9ef0ac048c9a4d0d"})
    void idsNotOfTheDerivedForm_remainTheClientsChoice(String id) {
        EventDraft draft = new EventDraft("2024-06-01", "09:30:00", null, id, "mallory", "login", null);

        assertEquals(List.of(), draft.errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "..."})
    void idsMadeOnlyOfDots_areRefused(String id) {
        EventDraft draft = new EventDraft("2024-06-01", "09:30:00", null, id, "alice", "login", null);

        List<FieldError> errors = draft.errors();

        assertEquals(List.of("eventId"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("dots"), errors.toString());
    }

    @Test
    void validDraft_becomesItsRecordWithCanonicalTime() {
        EventRecord record = new EventDraft("2024-02-29", "23:59:59", "alice", "login").toRecord();

        assertEquals("23:59:59.000", record.key().timeText());
    }
}
