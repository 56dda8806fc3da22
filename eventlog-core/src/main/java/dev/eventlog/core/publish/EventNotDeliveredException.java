package dev.eventlog.core.publish;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import java.time.Duration;

/**
 * The publisher gave up on an accepted event: its delivery deadline passed while the store was unavailable, or
 * the publisher was closed first. If an attempt reached the store the event may be stored; since it carries its
 * final time and id, publishing {@link #draft()} again stores it at most once either way.
 */
public final class EventNotDeliveredException extends RuntimeException {

    private final EventRecord record;

    private EventNotDeliveredException(EventRecord record, String message, Throwable cause) {
        super(message, cause);
        this.record = record;
    }

    static EventNotDeliveredException expired(EventRecord record, Duration deadline, int attempts, Throwable last) {
        String what = attempts == 0
                ? " was not sent: its delivery deadline of " + deadline
                        + " passed while it waited behind other events (the store is slow or unavailable)"
                : " was not delivered within its delivery deadline of " + deadline + " after " + attempts
                        + (attempts == 1 ? " attempt" : " attempts")
                        + " (the store stayed unavailable; the last failure is the cause)";
        return new EventNotDeliveredException(record, "event " + record.key() + what + outcome(attempts), last);
    }

    static EventNotDeliveredException closed(EventRecord record, int attempts) {
        String what = attempts == 0
                ? " was not sent: the publisher was closed before its turn came"
                : " was not confirmed: the publisher was closed while it was being sent";
        return new EventNotDeliveredException(record, "event " + record.key() + what + outcome(attempts), null);
    }

    private static String outcome(int attempts) {
        return attempts == 0
                ? "; this publisher never sent it"
                : "; it may have been stored, and publishing draft() again is safe";
    }

    /** The event exactly as it was sent or would have been: time and id included. */
    public EventRecord record() {
        return record;
    }

    /** A draft of exactly this event, time and id included, so that publishing it again cannot duplicate it. */
    public EventDraft draft() {
        EventKey key = record.key();
        return new EventDraft(
                key.dateText(),
                key.timeText(),
                null,
                key.eventId(),
                record.userId(),
                record.eventType(),
                record.attributes());
    }
}
