package dev.eventlog.core.publish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The publisher's memory bound: every accepted event not yet settled, queued or in flight, counted in events and
 * estimated bytes against the limits. Not thread-safe: the queue uses it under its lock.
 */
final class HeldEvents {

    private final Set<PendingEvent> events = new HashSet<>();
    private final int maxEvents;
    private final long maxBytes;
    private long bytes;

    HeldEvents(int maxEvents, long maxBytes) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /** An event larger than the byte limit is let in alone, so that it waits for room instead of forever. */
    boolean hasRoomFor(PendingEvent event) {
        return events.size() < maxEvents && (events.isEmpty() || bytes + event.bytes() <= maxBytes);
    }

    void add(PendingEvent event) {
        events.add(event);
        bytes += event.bytes();
    }

    /** True if the event was held (a settled event is released once). */
    boolean release(PendingEvent event) {
        if (!events.remove(event)) {
            return false;
        }
        bytes -= event.bytes();
        return true;
    }

    /** What completes as each held event is settled. */
    List<CompletableFuture<Void>> settledSignals() {
        return events.stream().map(PendingEvent::settled).toList();
    }

    List<PendingEvent> all() {
        return new ArrayList<>(events);
    }
}
