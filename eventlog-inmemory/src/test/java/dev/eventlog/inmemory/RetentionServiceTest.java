package dev.eventlog.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.SettableClock;
import dev.eventlog.core.retention.RetentionPolicy;
import dev.eventlog.core.usecase.EventLogService;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service refuses to record an event already past the retention period, naming the field and the period. */
class RetentionServiceTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2024-06-10T12:00:00Z"));
    private final RetentionPolicy retention = RetentionPolicy.days(7, clock);
    private final InMemoryEventLog store = new InMemoryEventLog(retention);
    private final EventLogService service = new EventLogService(store, clock, retention);

    @Test
    void eventInsideThePeriod_isRecorded() {
        assertEquals(
                AppendOutcome.CREATED,
                service.record(new EventDraft("2024-06-03", "12:00:01", "alice", "login"))
                        .outcome());
    }

    @Test
    void eventPastThePeriod_givenByDate_isRefusedOnDate() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> service.record(new EventDraft("2024-06-03", "12:00:00", "alice", "login")));

        assertEquals(List.of("date"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(
                e.errors().get(0).message().contains("7 days"),
                e.errors().get(0).message());
        assertEquals(0, store.size());
    }

    @Test
    void eventPastThePeriod_givenByTimestamp_isRefusedOnTimestamp() {
        EventDraft draft = new EventDraft(null, null, "2024-06-03T20:59:59+09:00", null, "alice", "login", null);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.record(draft));

        assertEquals("timestamp", e.errors().get(0).field());
    }

    @Test
    void batchWithOneExpiredEvent_writesNothing_andNamesItsIndex() {
        List<EventDraft> batch = List.of(
                new EventDraft("2024-06-09", "00:00:00", "alice", "login"),
                new EventDraft("2024-01-01", "00:00:00", "bob", "login"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.recordAll(batch));

        assertEquals(
                List.of("[1].date"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(0, store.size());
    }

    @Test
    void serverStampedEvent_isNeverExpired() {
        assertEquals(
                AppendOutcome.CREATED,
                service.record(new EventDraft(null, null, "alice", "login")).outcome());
    }
}
