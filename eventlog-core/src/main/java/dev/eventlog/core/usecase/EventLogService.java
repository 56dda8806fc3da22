package dev.eventlog.core.usecase;

import dev.eventlog.core.domain.EventConflictException;
import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventNotFoundException;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.domain.Validated;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.ListRequest;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.PageToken;
import dev.eventlog.core.retention.RetentionPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The use cases of the HTTP API: record one event or a batch, get one event, list a page. */
public final class EventLogService {

    public static final int MAX_BATCH = 25;

    private final EventLogPort store;
    private final Clock clock;
    private final RetentionPolicy retention;

    public EventLogService(EventLogPort store, Clock clock) {
        this(store, clock, RetentionPolicy.keepForever());
    }

    /** Use cases that refuse to record an event already past {@code retention}'s period (give the store the same policy). */
    public EventLogService(EventLogPort store, Clock clock, RetentionPolicy retention) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /**
     * Records one event. Returns {@code CREATED}, or {@code EXISTING} when the same event was already recorded
     * with its identity (a safe retry). Throws {@link EventConflictException} when its identity holds other
     * content, and {@link InvalidInputException} with every broken rule when the draft is invalid.
     */
    public AppendResult record(EventDraft draft) {
        EventRecord event = draft.validate(clock).orThrow();
        FieldError expired = expiryError(draft, event);
        if (expired != null) {
            throw new InvalidInputException(List.of(expired));
        }
        AppendResult result = store.append(event);
        if (result.outcome() == AppendOutcome.CONFLICT) {
            throw new EventConflictException(result.event().key());
        }
        return result;
    }

    /**
     * Records a batch of 1 to {@value #MAX_BATCH} events. The whole batch is validated first: if any event is
     * invalid nothing is written and the errors name each bad index and field. Then each event is written on
     * its own and its outcome reported; conflicts are outcomes here, not exceptions.
     */
    public BatchResult recordAll(List<EventDraft> drafts) {
        FieldError size = sizeError(drafts);
        if (size != null) {
            throw new InvalidInputException(List.of(size));
        }
        List<FieldError> errors = new ArrayList<>();
        List<EventRecord> records = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Validated validated = drafts.get(i).validate(clock);
            if (validated instanceof Validated.Valid valid) {
                records.add(valid.event());
            } else {
                String prefix = indexPrefix(i);
                validated.errors().forEach(e -> errors.add(e.prefixed(prefix)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        for (int i = 0; i < drafts.size(); i++) {
            FieldError expired = expiryError(drafts.get(i), records.get(i));
            if (expired != null) {
                errors.add(expired.prefixed(indexPrefix(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new BatchResult(store.appendAll(records));
    }

    /**
     * Every broken rule of a batch, each named by its index and field ({@code [2].userId}); or, when the batch
     * does not hold 1 to {@value #MAX_BATCH} events, that one error on {@code events}. Empty for a valid batch.
     * The batch rules live here only: an inbound adapter adds its own (syntax) errors to these.
     */
    public static List<FieldError> batchErrors(List<EventDraft> drafts) {
        FieldError size = sizeError(drafts);
        if (size != null) {
            return List.of(size);
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String prefix = indexPrefix(i);
            drafts.get(i).errors().forEach(e -> errors.add(e.prefixed(prefix)));
        }
        return errors;
    }

    private static FieldError sizeError(List<EventDraft> drafts) {
        return drafts.isEmpty() || drafts.size() > MAX_BATCH
                ? new FieldError(
                        "events", "a batch must hold 1 to " + MAX_BATCH + " events (got " + drafts.size() + ")")
                : null;
    }

    /** How a batch names its {@code index}-th event's fields: {@code [2].userId}. */
    private static String indexPrefix(int index) {
        return "[" + index + "].";
    }

    /** The event with the identity given as text; {@link EventNotFoundException} when there is none. */
    public EventRecord get(String date, String time, String eventId) {
        return get(EventKey.parse(date, time, eventId));
    }

    public EventRecord get(EventKey key) {
        return store.find(key).orElseThrow(() -> new EventNotFoundException(key));
    }

    /** One page of a list request given as raw parameters. */
    public EventPage list(ListRequest request) {
        return list(request.toQuery(), request.nextToken());
    }

    /** One page of the query, continuing from {@code nextToken} when it is not null. */
    public EventPage list(EventQuery query, String nextToken) {
        Optional<EventKey> after =
                nextToken == null ? Optional.empty() : Optional.of(PageToken.decode(query, nextToken));
        Page page = store.query(query, after);
        return new EventPage(page.items(), page.resumeAfter().map(key -> PageToken.encode(query, key)));
    }

    /**
     * An event already past the retention period would be stored only to be hidden at once, and on DynamoDB
     * deleted later: the client is told instead, on the field that gave its time.
     */
    private FieldError expiryError(EventDraft draft, EventRecord event) {
        if (!retention.expired(event)) {
            return null;
        }
        return new FieldError(
                draft.timestamp() != null ? "timestamp" : "date",
                "is older than the retention period of " + retention.describe()
                        + ": this event would already have expired, so it is not recorded");
    }
}
