package dev.eventlog.core.query;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a query as the store returns it: at most {@code limit} events, and, only when more
 * matching events remain, the key after which the next page starts.
 */
public record Page(List<EventRecord> items, Optional<EventKey> resumeAfter) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(resumeAfter, "resumeAfter");
    }

    public static Page last(List<EventRecord> items) {
        return new Page(items, Optional.empty());
    }

    public boolean hasMore() {
        return resumeAfter.isPresent();
    }
}
