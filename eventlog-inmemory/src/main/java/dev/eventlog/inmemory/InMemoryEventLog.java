package dev.eventlog.inmemory;

import dev.eventlog.core.domain.EventIds;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import dev.eventlog.core.retention.RetentionPolicy;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@link EventLogPort} in memory: a concurrent skip list ordered by key (date, time, eventId), so a day, a range
 * or one millisecond costs O(log n + k) for the k events it walks, and appends are atomic without a global lock.
 * Each user's events are also kept in a skip list of their own, so a query by {@code userId} walks only that
 * user's events, as the DynamoDB store's index does.
 * With a retention period, events past it are no longer returned (they stay in memory, as an expired item stays in
 * DynamoDB until its time to live deletes it).
 */
public final class InMemoryEventLog implements EventLogPort {

    private static final LocalTime LAST_MILLISECOND = LocalTime.of(23, 59, 59, 999_000_000);
    /** The lowest and the highest valid ids ('-' and '~' are the lowest and highest allowed characters). */
    private static final String LOWEST_ID = "-";

    private static final String HIGHEST_ID = "~".repeat(EventIds.MAX_LENGTH);

    private final ConcurrentSkipListMap<EventKey, EventRecord> events = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<EventKey, EventRecord>> byUser =
            new ConcurrentHashMap<>();
    private final RetentionPolicy retention;

    /** A store that keeps every event. */
    public InMemoryEventLog() {
        this(RetentionPolicy.keepForever());
    }

    /** A store that returns no event past {@code retention}'s period. */
    public InMemoryEventLog(RetentionPolicy retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public AppendResult append(EventRecord event) {
        EventRecord stored = events.putIfAbsent(event.key(), event);
        if (stored == null) {
            // Only the writer that won the key indexes it, so the user's index never holds an event the log does not.
            byUser.computeIfAbsent(event.userId(), user -> new ConcurrentSkipListMap<>())
                    .put(event.key(), event);
            return AppendResult.created(event);
        }
        return stored.equals(event) ? AppendResult.existing(event) : AppendResult.conflict(event);
    }

    @Override
    public List<AppendResult> appendAll(List<EventRecord> batch) {
        return batch.stream().map(this::append).toList();
    }

    @Override
    public Optional<EventRecord> find(EventKey key) {
        return Optional.ofNullable(events.get(key)).filter(event -> !retention.expired(event));
    }

    @Override
    public Page query(EventQuery query, Optional<EventKey> after) {
        ConcurrentSkipListMap<EventKey, EventRecord> source = events;
        if (query.userId() != null) {
            source = byUser.get(query.userId());
            if (source == null) {
                return Page.last(List.of());
            }
        }
        ConcurrentNavigableMap<EventKey, EventRecord> view = scoped(source, query.scope());
        if (query.order() == SortOrder.DESC) {
            view = view.descendingMap();
        }
        if (after.isPresent()) {
            view = view.tailMap(after.get(), false);
        }
        List<EventRecord> items = new ArrayList<>(Math.min(query.limit(), 64));
        for (EventRecord event : view.values()) {
            if (!query.matches(event) || retention.expired(event)) {
                continue;
            }
            if (items.size() == query.limit()) {
                return new Page(items, Optional.of(items.get(items.size() - 1).key()));
            }
            items.add(event);
        }
        return Page.last(items);
    }

    /** The number of stored events. */
    public int size() {
        return events.size();
    }

    private static ConcurrentNavigableMap<EventKey, EventRecord> scoped(
            ConcurrentSkipListMap<EventKey, EventRecord> events, QueryScope scope) {
        if (scope instanceof QueryScope.Day day) {
            return events.subMap(
                    new EventKey(day.date(), LocalTime.MIDNIGHT, LOWEST_ID),
                    true,
                    new EventKey(day.date(), LAST_MILLISECOND, HIGHEST_ID),
                    true);
        }
        if (scope instanceof QueryScope.Millisecond millisecond) {
            return events.subMap(
                    millisecond.at().withId(LOWEST_ID), true, millisecond.at().withId(HIGHEST_ID), true);
        }
        if (scope instanceof QueryScope.Range range) {
            // 'to' is exclusive and times are whole milliseconds, so the last time inside is one millisecond earlier.
            EventTime last = EventTime.at(range.to().instant().minusMillis(1));
            return events.subMap(range.from().withId(LOWEST_ID), true, last.withId(HIGHEST_ID), true);
        }
        return events;
    }
}
