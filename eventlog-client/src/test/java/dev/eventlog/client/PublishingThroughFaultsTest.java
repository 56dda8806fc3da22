package dev.eventlog.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.publish.EventPublisher;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.QueryScope;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Effectively-once delivery: events of all three identity kinds published through {@link EventPublisher} over
 * {@link HttpEventLog}, across a link that answers 503, loses answers to writes that landed, and holds requests,
 * are each stored exactly once with their content, and every future completes.
 */
class PublishingThroughFaultsTest {

    private static final int EVENTS = 3_000;
    private static final String DAY = "2033-04-05";

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyPublishedEvent_isStoredExactlyOnce_throughAFaultyLink() throws Exception {
        try (LocalApi serve = LocalApi.quiet();
                FaultyLink link = new FaultyLink(serve.endpoint(), 24, 0.08, 0.08, 0.08, 1_500)) {
            HttpEventLog client = HttpEventLog.builder()
                    .endpoint(link.endpoint())
                    .attemptTimeout(Duration.ofSeconds(1))
                    .backoff(Duration.ofMillis(5), Duration.ofMillis(100))
                    .build();
            List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
            try (EventPublisher publisher = EventPublisher.builder(client)
                    .backoff(Duration.ofMillis(10), Duration.ofMillis(200))
                    .linger(Duration.ofMillis(5))
                    .build()) {
                for (int i = 0; i < EVENTS; i++) {
                    futures.add(publisher.publish(draft(i)));
                }
                publisher.flush();
            }

            Map<EventKey, EventRecord> published = new HashMap<>();
            for (CompletableFuture<AppendResult> future : futures) {
                AppendResult result = future.get(1, TimeUnit.SECONDS);
                assertTrue(
                        result.outcome() == AppendOutcome.CREATED || result.outcome() == AppendOutcome.EXISTING,
                        result.toString());
                published.put(result.event().key(), result.event());
            }
            List<EventRecord> stored = readDays(serve, published);

            assertEquals(EVENTS, published.size(), "each event has its own identity");
            assertEquals(EVENTS, stored.size(), "nothing is stored twice, nothing is missing");
            for (EventRecord event : stored) {
                assertEquals(published.get(event.key()), event, "content of " + event.key());
            }
            assertTrue(link.answered503.get() > 0 && link.answersDropped.get() > 0 && link.delayed.get() > 0);
        }
    }

    /** Three kinds in turn: the client's own id, an id derived from a given time, a time and id stamped here. */
    private static EventDraft draft(int i) {
        String time = String.format("%02d:%02d:%02d.%03d", i / 3600 % 24, i / 60 % 60, i % 60, i % 1000);
        Map<String, String> attributes = Map.of("n", Integer.toString(i), "note", "é\"\\ " + i);
        return switch (i % 3) {
            case 0 -> new EventDraft(DAY, time, null, "order-" + i, "user-" + i, "purchase", attributes);
            case 1 -> new EventDraft(DAY, time, "user-" + i, "view", attributes);
            default -> new EventDraft(null, null, "user-" + i, "click", attributes);
        };
    }

    /** Every event of the days the published events fell on, read from {@code serve} itself, not through the link. */
    private static List<EventRecord> readDays(LocalApi serve, Map<EventKey, EventRecord> published) {
        HttpEventLog direct = HttpEventLog.builder().endpoint(serve.endpoint()).build();
        List<EventRecord> stored = new ArrayList<>();
        for (LocalDate day :
                new TreeSet<>(published.keySet().stream().map(EventKey::date).toList())) {
            EventQuery query = EventQuery.of(new QueryScope.Day(day)).withLimit(EventQuery.MAX_LIMIT);
            Optional<EventKey> after = Optional.empty();
            do {
                Page page = direct.query(query, after);
                stored.addAll(page.items());
                after = page.resumeAfter();
            } while (after.isPresent());
        }
        return stored;
    }
}
