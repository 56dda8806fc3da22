package dev.eventlog.core.publish;

/**
 * A snapshot of a publisher's counters. Every accepted event ends up delivered (stored, or found already stored
 * identically) or failed; {@code rejected} counts the events never accepted, {@code retries} the calls to the
 * store that repeated a batch after it was unavailable. Each counter only grows.
 */
public record PublisherStats(long accepted, long delivered, long failed, long rejected, long retries) {

    /** Accepted events whose outcome is not known yet. */
    public long pending() {
        return accepted - delivered - failed;
    }
}
