package dev.eventlog.core.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventConflictException;
import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventNotFoundException;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.query.ListRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The use cases, on a small fake port (the stores prove the port itself with the contract suite). */
class EventLogServiceTest {

    private static final Instant NOW = Instant.parse("2024-12-31T23:59:59.998Z");

    private final FakeEventLog store = new FakeEventLog();
    private final EventLogService service = new EventLogService(store, Clock.fixed(NOW, ZoneOffset.UTC));

    private static EventDraft draft(String date, String time, String userId) {
        return new EventDraft(date, time, userId, "login");
    }

    private static EventDraft withId(EventDraft draft, String eventId) {
        return new EventDraft(
                draft.date(), draft.time(), null, eventId, draft.userId(), draft.eventType(), draft.attributes());
    }

    @Test
    void newEvent_isCreatedThenRetryIsExisting() {
        EventDraft login = draft("2024-05-01", "10:00:00", "alice");

        assertEquals(AppendOutcome.CREATED, service.record(login).outcome());
        assertEquals(AppendOutcome.EXISTING, service.record(login).outcome());
        assertEquals(1, store.size());
    }

    @Test
    void reusedIdWithOtherContent_isAConflictNamingTheIdentity() {
        service.record(withId(draft("2024-05-01", "10:00:00", "alice"), "msg-1"));

        EventConflictException conflict = assertThrows(
                EventConflictException.class,
                () -> service.record(withId(draft("2024-05-01", "10:00:00.000", "bob"), "msg-1")));

        assertEquals(EventKey.parse("2024-05-01", "10:00:00", "msg-1"), conflict.key());
        assertEquals("alice", service.get("2024-05-01", "10:00:00", "msg-1").userId());
    }

    @Test
    void eventIdWithoutATime_sentTwice_isRefusedBothTimes_soNoRetryBecomesASecondEvent() {
        EventDraft stampedWithId = new EventDraft(null, null, null, "order-42", "alice", "purchase", null);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertEquals(List.of("eventId"), fieldsRefused(() -> service.record(stampedWithId)));
        }
        assertEquals(0, store.size());
    }

    @Test
    void anotherCallersDerivedId_cannotBeTaken_soTheRealEventIsStillCreated() {
        EventDraft real = new EventDraft("2024-05-01", "10:00:00", "alice", "login", Map.of("page", "/home"));
        String realId = real.toRecord().eventId();
        EventDraft squatter = new EventDraft("2024-05-01", "10:00:00", null, realId, "mallory", "spam", null);

        assertThrows(InvalidInputException.class, () -> service.record(squatter));

        assertEquals(AppendOutcome.CREATED, service.record(real).outcome());
        assertEquals("alice", service.get("2024-05-01", "10:00:00", realId).userId());
    }

    @Test
    void batchWithAnIdButNoTime_isRefusedNamingTheIndex() {
        List<EventDraft> batch = List.of(
                draft("2024-05-01", "10:00:00", "alice"),
                new EventDraft(null, null, null, "order-43", "bob", "purchase", null));

        assertEquals(List.of("[1].eventId"), fieldsRefused(() -> service.recordAll(batch)));
        assertEquals(0, store.size());
    }

    /** The fields named by the {@link InvalidInputException} that {@code call} must throw. */
    private static List<String> fieldsRefused(Executable call) {
        return assertThrows(InvalidInputException.class, call).errors().stream()
                .map(FieldError::field)
                .toList();
    }

    @Test
    void distinctEventsInTheSameMillisecond_areBothCreated() {
        AppendResult alice = service.record(draft("2024-05-01", "10:00:00.123", "alice"));
        AppendResult bob = service.record(draft("2024-05-01", "10:00:00.123456", "bob"));

        assertEquals(AppendOutcome.CREATED, alice.outcome());
        assertEquals(AppendOutcome.CREATED, bob.outcome());
        assertEquals(
                2,
                service.list(ListRequest.millisecond("2024-05-01", "10:00:00.123", null, null, null, null, null))
                        .items()
                        .size());
    }

    @Test
    void timestampRetry_isExistingWhateverTheOffsetItIsWrittenIn() {
        EventDraft python =
                new EventDraft(null, null, "2024-06-01T18:30:00.123456+09:00", null, "alice", "login", null);
        EventDraft javascript = new EventDraft(null, null, "2024-06-01T09:30:00.123Z", null, "alice", "login", null);

        assertEquals(AppendOutcome.CREATED, service.record(python).outcome());
        assertEquals(AppendOutcome.EXISTING, service.record(javascript).outcome());
    }

    @Test
    void invalidEvent_isRejectedAndNothingIsStored() {
        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> service.record(draft("2024-02-30", "10:00:00", "")));

        assertEquals(
                List.of("date", "userId"),
                error.errors().stream().map(FieldError::field).toList());
        assertEquals(0, store.size());
    }

    @Test
    void eventWithoutDateAndTime_isStampedWithTheClock() {
        AppendResult result = service.record(new EventDraft(null, null, "alice", "login"));

        assertEquals(EventTime.at(NOW), result.event().key().moment());
    }

    @Test
    void stampedEvents_inTheSameMillisecond_areDistinctEvents() {
        List<EventKey> keys = IntStream.range(0, 5)
                .mapToObj(i -> service.record(new EventDraft(null, null, "alice", "login"))
                        .event()
                        .key())
                .toList();

        assertEquals(5, new HashSet<>(keys).size());
        assertTrue(keys.stream().allMatch(key -> key.moment().equals(EventTime.at(NOW))));
        assertEquals(5, store.size());
    }

    @Test
    void batch_isValidatedAsAWholeAndNamesEachBadIndex() {
        List<EventDraft> batch = List.of(
                draft("2024-05-01", "10:00:00", "alice"),
                draft("2024-05-01", "25:00:00", "bob"),
                draft("2024-05-01", "11:00:00", ""));

        InvalidInputException error = assertThrows(InvalidInputException.class, () -> service.recordAll(batch));

        assertEquals(
                List.of("[1].time", "[2].userId"),
                error.errors().stream().map(FieldError::field).toList());
        assertEquals(0, store.size(), "nothing written");
    }

    @Test
    void batch_mustHold1To25Events() {
        assertThrows(InvalidInputException.class, () -> service.recordAll(List.of()));
        List<EventDraft> tooMany = IntStream.range(0, 26)
                .mapToObj(i -> draft("2024-05-01", String.format("10:00:%02d", i), "u"))
                .toList();

        assertThrows(InvalidInputException.class, () -> service.recordAll(tooMany));
        assertEquals(0, store.size());
    }

    @Test
    void batch_reportsEachOutcomeAndCounts() {
        service.record(draft("2024-05-01", "10:00:00", "alice"));
        service.record(withId(draft("2024-05-01", "10:00:00", "carol"), "msg-9"));
        List<EventDraft> batch = List.of(
                draft("2024-05-01", "09:00:00", "new"),
                draft("2024-05-01", "10:00:00", "alice"),
                withId(draft("2024-05-01", "10:00:00", "rival"), "msg-9"));

        BatchResult result = service.recordAll(batch);

        assertEquals(
                List.of(AppendOutcome.CREATED, AppendOutcome.EXISTING, AppendOutcome.CONFLICT),
                result.results().stream().map(AppendResult::outcome).toList());
        assertEquals(1, result.count(AppendOutcome.CONFLICT));
        assertEquals(AppendOutcome.CONFLICT, result.overall());
    }

    @Test
    void retriedBatch_isAllExisting() {
        List<EventDraft> batch = List.of(draft("2024-05-01", "09:00:00", "a"), draft("2024-05-01", "09:00:01", "b"));
        assertEquals(AppendOutcome.CREATED, service.recordAll(batch).overall());

        BatchResult retry = service.recordAll(batch);

        assertEquals(AppendOutcome.EXISTING, retry.overall());
        assertEquals(2, store.size());
    }

    @Test
    void stampedEventsInABatch_getDistinctKeys() {
        List<EventDraft> batch = Collections.nCopies(25, new EventDraft(null, null, "alice", "tick"));

        BatchResult result = service.recordAll(batch);

        assertEquals(25, result.count(AppendOutcome.CREATED));
        assertEquals(25, store.size());
    }

    @Test
    void unknownEvent_isNotFound() {
        assertThrows(EventNotFoundException.class, () -> service.get("2024-05-01", "10:00:00", "nobody"));
    }

    @Test
    void list_followsNextTokenToTheEndAndRefusesItForAnotherQuery() {
        for (int i = 0; i < 5; i++) {
            service.record(new EventDraft(
                    "2024-05-01", String.format("10:00:%02d", i), "alice", "login", Map.of("n", "" + i)));
        }
        ListRequest firstPage = new ListRequest("2024-05-01", null, null, null, null, null, null, "2", null);

        List<EventRecord> seen = new ArrayList<>();
        String token = null;
        do {
            EventPage page =
                    service.list(new ListRequest("2024-05-01", null, null, null, null, null, null, "2", token));
            seen.addAll(page.items());
            token = page.nextToken().orElse(null);
        } while (token != null);

        assertEquals(5, seen.size());
        String issued = service.list(firstPage).nextToken().orElseThrow();
        assertThrows(
                InvalidInputException.class,
                () -> service.list(new ListRequest("2024-05-01", null, null, null, "bob", null, null, "2", issued)));
        assertNotEquals(
                issued,
                service.list(new ListRequest("2024-05-01", null, null, null, null, null, "desc", "2", null))
                        .nextToken()
                        .orElseThrow());
        assertTrue(service.list(new ListRequest("2024-05-01", null, null, null, null, null, null, "5", null))
                .nextToken()
                .isEmpty());
    }
}
