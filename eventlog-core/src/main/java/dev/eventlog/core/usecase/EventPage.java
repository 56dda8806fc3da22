package dev.eventlog.core.usecase;

import dev.eventlog.core.domain.EventRecord;
import java.util.List;
import java.util.Optional;

/** One page of a list as clients see it: the events and, when more remain, the token for the next page. */
public record EventPage(List<EventRecord> items, Optional<String> nextToken) {

    public EventPage {
        items = List.copyOf(items);
    }
}
