package dev.eventlog.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.inmemory.InMemoryEventLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckoutEventsTest {

    private final InMemoryEventLog log = new InMemoryEventLog();

    @Test
    void aRepeatedPurchaseIsRecordedOnce() {
        try (CheckoutEvents events = new CheckoutEvents(log)) {
            Instant orderedAt = Instant.parse("2024-05-01T10:15:30Z");
            events.purchased("alice", "order-7", orderedAt, "42.00");
            events.purchased("alice", "order-7", orderedAt, "42.00");
            events.viewed("alice", "/cart");
        } // close() delivers everything published before it

        List<EventRecord> recorded = log.query(EventQuery.of(new QueryScope.AllEvents()), Optional.empty())
                .items();

        assertEquals(
                List.of("purchase", "view"),
                recorded.stream().map(EventRecord::eventType).sorted().toList());
        assertEquals(
                List.of("order-7"),
                recorded.stream()
                        .filter(event -> event.eventType().equals("purchase"))
                        .map(EventRecord::eventId)
                        .toList());
    }
}
