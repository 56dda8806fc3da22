package dev.eventlog.local;

import java.util.List;

/** Everything {@code invoke} was told: the event files to run in order ({@code -} is stdin) and the store. */
public record InvokeOptions(List<String> events, StoreOptions store) {

    public InvokeOptions {
        events = List.copyOf(events);
    }
}
