package dev.eventlog.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        assertEquals(List.of("date"), draft.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void everyBadField_isReported() {
        EventDraft draft = new EventDraft("2024-02-30", "10:00:00.1234", "", null);

        assertEquals(List.of("date", "time", "userId", "eventType"), draft.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void validDraft_becomesItsRecordWithCanonicalTime() {
        EventRecord record = new EventDraft("2024-02-29", "23:59:59", "alice", "login").toRecord();

        assertEquals("23:59:59.000", record.key().timeText());
    }
}
