package dev.eventlog.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.query.ListRequest;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.core.usecase.EventPage;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

    private final EventLogService events = new EventLogService(new InMemoryEventLog(), Clock.systemUTC());

    @Test
    void recordedEventsAreListedByDay() {
        EventDraft login = new EventDraft("2024-05-01", "14:19:00", "user-1", "login");
        assertEquals(AppendOutcome.CREATED, events.record(login).outcome());
        assertEquals(AppendOutcome.EXISTING, events.record(login).outcome());
        events.record(new EventDraft("2024-05-01", "14:20:00", "user-2", "logout"));

        EventPage page = events.list(ListRequest.day("2024-05-01"));

        assertEquals(
                List.of("user-1", "user-2"),
                page.items().stream().map(EventRecord::userId).toList());
        assertEquals(
                List.of("login", "logout"),
                page.items().stream().map(EventRecord::eventType).toList());
        assertTrue(page.nextToken().isEmpty());
    }
}
