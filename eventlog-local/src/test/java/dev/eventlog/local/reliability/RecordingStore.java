package dev.eventlog.local.reliability;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Test harness: a store decorator that counts the events a request actually created, to prove a refusal wrote nothing. */
final class RecordingStore implements EventLogPort {

    private final EventLogPort store;
    private final AtomicLong created = new AtomicLong();

    RecordingStore(EventLogPort store) {
        this.store = store;
    }

    long created() {
        return created.get();
    }

    @Override
    public AppendResult append(EventRecord event) {
        return count(store.append(event));
    }

    @Override
    public List<AppendResult> appendAll(List<EventRecord> events) {
        List<AppendResult> results = store.appendAll(events);
        results.forEach(this::count);
        return results;
    }

    private AppendResult count(AppendResult result) {
        if (result.outcome() == AppendOutcome.CREATED) {
            created.incrementAndGet();
        }
        return result;
    }

    @Override
    public Optional<EventRecord> find(EventKey key) {
        return store.find(key);
    }

    @Override
    public Page query(EventQuery query, Optional<EventKey> after) {
        return store.query(query, after);
    }
}
