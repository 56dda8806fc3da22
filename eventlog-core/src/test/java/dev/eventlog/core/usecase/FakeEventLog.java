package dev.eventlog.core.usecase;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A port for the use cases' own tests: a sorted map behind one lock, answering every query by walking it. Core
 * cannot use {@code InMemoryEventLog} (that module depends on this one), so this stays as small as a store can be,
 * with none of its range reads, and {@link FakeEventLogContractTest} runs it through the same contract suite as the
 * real stores, so the tests built on it stand on a store that keeps the port's promises.
 */
final class FakeEventLog implements EventLogPort {

    private final NavigableMap<EventKey, EventRecord> events = new TreeMap<>();

    @Override
    public synchronized AppendResult append(EventRecord event) {
        EventRecord stored = events.putIfAbsent(event.key(), event);
        if (stored == null) {
            return AppendResult.created(event);
        }
        return stored.equals(event) ? AppendResult.existing(event) : AppendResult.conflict(event);
    }

    @Override
    public List<AppendResult> appendAll(List<EventRecord> batch) {
        return batch.stream().map(this::append).toList();
    }

    @Override
    public synchronized Optional<EventRecord> find(EventKey key) {
        return Optional.ofNullable(events.get(key));
    }

    @Override
    public synchronized Page query(EventQuery query, Optional<EventKey> after) {
        NavigableMap<EventKey, EventRecord> ordered = query.order() == SortOrder.DESC ? events.descendingMap() : events;
        NavigableMap<EventKey, EventRecord> rest =
                after.map(key -> ordered.tailMap(key, false)).orElse(ordered);
        List<EventRecord> items = new ArrayList<>();
        for (EventRecord event : rest.values()) {
            if (!query.matches(event)) {
                continue;
            }
            if (items.size() == query.limit()) {
                return new Page(items, Optional.of(items.get(items.size() - 1).key()));
            }
            items.add(event);
        }
        return Page.last(items);
    }

    synchronized int size() {
        return events.size();
    }
}
