package dev.eventlog.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void serverStampedDraft_takesTheFreshIdUnlessItHasOne() {
        EventTime now = EventTime.parse("2024-06-01", "09:30:00.001");

        assertEquals(
                "fresh",
                new EventDraft(null, null, "alice", "login")
                        .toRecord(now, "fresh")
                        .eventId());
        assertEquals(
                "mine",
                new EventDraft(null, null, null, "mine", "alice", "login", null)
                        .toRecord(now, "fresh")
                        .eventId());
    }

    @Test
    void validDraft_becomesItsRecordWithCanonicalTime() {
        EventRecord record = new EventDraft("2024-02-29", "23:59:59", "alice", "login").toRecord();

        assertEquals("23:59:59.000", record.key().timeText());
    }
}
