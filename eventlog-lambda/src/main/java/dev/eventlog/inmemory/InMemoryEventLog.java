package dev.eventlog.inmemory;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Placeholder until the in-memory adapter is merged. */
public final class InMemoryEventLog implements EventLogPort {

    private final TreeMap<EventKey, EventRecord> events = new TreeMap<>();

    @Override
    public synchronized AppendResult append(EventRecord event) {
        EventRecord old = events.putIfAbsent(event.key(), event);
        if (old == null) {
            return AppendResult.created(event);
        }
        return old.equals(event) ? AppendResult.existing(event) : AppendResult.conflict(event);
    }

    @Override
    public synchronized List<AppendResult> appendAll(List<EventRecord> list) {
        List<AppendResult> out = new ArrayList<>();
        list.forEach(e -> out.add(append(e)));
        return out;
    }

    @Override
    public synchronized Optional<EventRecord> find(EventKey key) {
        return Optional.ofNullable(events.get(key));
    }

    @Override
    public synchronized Page query(EventQuery query, Optional<EventKey> after) {
        List<EventRecord> all = new ArrayList<>(events.values());
        if (query.order() == SortOrder.DESC) {
            java.util.Collections.reverse(all);
        }
        List<EventRecord> items = new ArrayList<>();
        boolean started = after.isEmpty();
        for (EventRecord e : all) {
            if (!started) {
                started = e.key().equals(after.get());
                continue;
            }
            if (query.matches(e)) {
                if (items.size() == query.limit()) {
                    return new Page(items, Optional.of(items.get(items.size() - 1).key()));
                }
                items.add(e);
            }
        }
        return Page.last(items);
    }
}
