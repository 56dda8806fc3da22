package dev.eventlog.core.publish;

import static dev.eventlog.core.publish.Publishing.FOREVER;
import static dev.eventlog.core.publish.Publishing.await;
import static dev.eventlog.core.publish.Publishing.failure;
import static dev.eventlog.core.publish.Publishing.publisher;
import static dev.eventlog.core.publish.Publishing.stamped;
import static dev.eventlog.core.publish.Publishing.timed;
import static dev.eventlog.core.publish.Publishing.withId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventConflictException;
import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventIds;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.SettableClock;
import dev.eventlog.core.usecase.ScriptedEventLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What publishing does to one event: how it is checked, stamped and settled by the store's answer. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EventPublisherTest {

    private final ScriptedEventLog store = new ScriptedEventLog();

    @Test
    void timedDraft_isStoredWithTheIdDerivedFromItsContent() throws Exception {
        try (EventPublisher publisher = publisher(store).build()) {
            AppendResult result = await(publisher.publish(timed("alice", 1)));

            assertEquals(AppendOutcome.CREATED, result.outcome());
            assertEquals(
                    EventIds.derive("alice", "login", Map.of()), result.event().eventId());
            assertEquals(result.event(), store.find(result.event().key()).orElseThrow());
        }
    }

    @Test
    void draftWithATimeAndAnId_keepsTheId() throws Exception {
        try (EventPublisher publisher = publisher(store).build()) {
            AppendResult result = await(publisher.publish(withId(timed("alice", 1), "order-7")));

            assertEquals("order-7", result.event().eventId());
        }
    }

    @Test
    void draftWithoutATime_isStampedByThePublishersClockWithAFreshRandomId() throws Exception {
        Instant now = Instant.parse("2024-06-01T09:30:00.123456Z");
        try (EventPublisher publisher =
                publisher(store).clock(new SettableClock(now)).build()) {
            EventRecord first = await(publisher.publish(stamped("alice"))).event();
            EventRecord second = await(publisher.publish(stamped("alice"))).event();

            assertEquals(EventTime.at(now), first.key().moment());
            assertEquals(EventTime.at(now), second.key().moment());
            assertNotEquals(first.eventId(), second.eventId(), "each stamped draft is a new event");
            assertEquals(2, store.stored());
        }
    }

    @Test
    void invalidDraft_isRefusedOnTheCallersThreadAndNothingIsAccepted() {
        try (EventPublisher publisher = publisher(store).build()) {
            EventDraft noUser = new EventDraft("2024-05-01", "25:00:00", null, "login");

            InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> publisher.publish(noUser));

            assertEquals(
                    List.of("time", "userId"),
                    invalid.errors().stream().map(e -> e.field()).toList());
            assertEquals(0, publisher.stats().accepted());
        }
        assertTrue(store.calls().isEmpty());
    }

    @Test
    void oneBatch_settlesEachFutureWithItsOwnEventsOutcome() throws Exception {
        EventDraft alicesOrder = withId(timed("alice", 1), "order-7");
        AppendResult stored = store.append(alicesOrder.toRecord());
        try (EventPublisher publisher = publisher(store).linger(FOREVER).build()) {
            CompletableFuture<AppendResult> fresh = publisher.publish(timed("carol", 2));
            CompletableFuture<AppendResult> retry = publisher.publish(alicesOrder);
            CompletableFuture<AppendResult> reused = publisher.publish(withId(timed("bob", 1), "order-7"));
            CompletableFuture<AppendResult> last = publisher.publish(timed("dave", 3));
            publisher.flush();

            assertEquals(1, store.calls().size(), "one batch");
            assertEquals(AppendOutcome.CREATED, await(fresh).outcome());
            assertEquals("carol", await(fresh).event().userId());
            assertEquals(AppendResult.existing(stored.event()), await(retry));
            assertEquals(
                    stored.event().key(),
                    failure(EventConflictException.class, reused).key());
            assertEquals("dave", await(last).event().userId());
            assertEquals(new PublisherStats(4, 3, 1, 0, 0), publisher.stats());
        }
        assertEquals("alice", store.find(stored.event().key()).orElseThrow().userId(), "nothing overwritten");
    }

    @Test
    void storeFailureThatRetryingCannotHelp_failsTheWholeBatchAtOnce() throws Exception {
        StoreConfigurationException misconfigured = new StoreConfigurationException("no such table", null);
        store.throwNext(misconfigured);
        try (EventPublisher publisher = publisher(store).linger(FOREVER).build()) {
            CompletableFuture<AppendResult> first = publisher.publish(timed("alice", 1));
            CompletableFuture<AppendResult> second = publisher.publish(timed("bob", 2));
            publisher.flush();

            assertSame(misconfigured, failure(StoreConfigurationException.class, first));
            assertSame(misconfigured, failure(StoreConfigurationException.class, second));
            assertEquals(new PublisherStats(2, 0, 2, 0, 0), publisher.stats());
        }
        assertEquals(1, store.calls().size(), "no retry");
        assertEquals(0, store.stored());
    }

    @Test
    void cancellingAReturnedFuture_doesNotWithdrawTheEvent() throws Exception {
        try (EventPublisher publisher = publisher(store).linger(FOREVER).build()) {
            publisher.publish(timed("alice", 1)).cancel(true);
            publisher.flush();

            assertEquals(1, store.stored());
            assertEquals(1, publisher.stats().delivered());
        }
    }
}
