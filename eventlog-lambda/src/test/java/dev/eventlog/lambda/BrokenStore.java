package dev.eventlog.lambda;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A store whose every call fails with the given exception, as a store does when it is down or set up wrongly. */
final class BrokenStore implements EventLogPort {

    private final Supplier<RuntimeException> failure;

    BrokenStore(Supplier<RuntimeException> failure) {
        this.failure = failure;
    }

    @Override
    public AppendResult append(EventRecord event) {
        throw failure.get();
    }

    @Override
    public List<AppendResult> appendAll(List<EventRecord> events) {
        throw failure.get();
    }

    @Override
    public Optional<EventRecord> find(EventKey key) {
        throw failure.get();
    }

    @Override
    public Page query(EventQuery query, Optional<EventKey> after) {
        throw failure.get();
    }
}
