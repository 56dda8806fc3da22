package dev.eventlog.core.publish;

import static dev.eventlog.core.publish.Publishing.PATIENCE;
import static dev.eventlog.core.publish.Publishing.await;
import static dev.eventlog.core.publish.Publishing.publisher;
import static dev.eventlog.core.publish.Publishing.stamped;
import static dev.eventlog.core.publish.Publishing.timed;
import static dev.eventlog.core.publish.Publishing.withId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.usecase.ScriptedEventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the store's transient failures (before writing, or after writing part of a batch) and however the
 * events are batched, each accepted event is delivered, and stored exactly once.
 */
class PublisherDeliveryProperties {

    /** A scripted failure: {@code -1} fails before writing, {@code k >= 0} after writing the first k events. */
    @Provide
    Arbitrary<List<Integer>> failures() {
        return Arbitraries.integers().between(-1, 30).list().ofMaxSize(8);
    }

    @Property(tries = 40)
    void anyTransientFailures_deliverEachEventExactlyOnce(
            @ForAll("failures") List<Integer> failures,
            @ForAll @IntRange(min = 1, max = 60) int events,
            @ForAll @IntRange(min = 1, max = 25) int batch,
            @ForAll @IntRange(min = 1, max = 3) int inFlight)
            throws Exception {
        ScriptedEventLog store = new ScriptedEventLog();
        failures.forEach(f -> {
            if (f < 0) {
                store.failNext(1);
            } else {
                store.failAfterWriting(f);
            }
        });
        List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
        try (EventPublisher publisher = publisher(store)
                .maxBatchEvents(batch)
                .maxInFlight(inFlight)
                .linger(Duration.ZERO)
                .deliveryTimeout(PATIENCE)
                .build()) {
            for (int n = 0; n < events; n++) {
                futures.add(publisher.publish(draft(n)));
            }
            publisher.flush();
            assertEquals(new PublisherStats(events, events, 0, 0, failures.size()), publisher.stats());
        }
        Set<EventKey> keys = new HashSet<>();
        for (CompletableFuture<AppendResult> future : futures) {
            EventRecord event = await(future).event();
            assertEquals(event, store.find(event.key()).orElseThrow());
            keys.add(event.key());
        }
        assertEquals(keys.size(), store.stored());
        assertTrue(keys.size() < events || events < 5, "repeated drafts name one event");
    }

    /**
     * All three kinds of identity, and every fifth draft a repeat of an earlier one: the same event when the
     * draft has a time, a new one when the publisher stamps it.
     */
    private static EventDraft draft(int n) {
        if (n % 5 == 4) {
            return draft(n - 3);
        }
        return switch (n % 3) {
            case 0 -> stamped("user-" + n);
            case 1 -> timed("user-" + n, n);
            default -> withId(timed("user-" + n, n), "id-" + n);
        };
    }
}
