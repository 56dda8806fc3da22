package dev.eventlog.core.publish;

/**
 * The publisher did not accept an event: its queue stayed full, it was closed, or the caller was interrupted
 * while waiting for room. The event was not sent; publishing it again later is safe.
 */
public final class PublishRejectedException extends RuntimeException {

    /** Why the event was not accepted. */
    public enum Reason {
        QUEUE_FULL,
        CLOSED,
        INTERRUPTED
    }

    private final Reason reason;

    private PublishRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    static PublishRejectedException queueFull(PublisherSettings settings) {
        return new PublishRejectedException(
                Reason.QUEUE_FULL,
                "the event was not accepted: the publisher's queue stayed full for " + settings.enqueueTimeout()
                        + " (limits: " + settings.maxQueuedEvents() + " events, " + settings.maxQueuedBytes()
                        + " bytes, counted until each event is settled); the store is not keeping up",
                null);
    }

    static PublishRejectedException closed() {
        return new PublishRejectedException(Reason.CLOSED, "the event was not accepted: the publisher is closed", null);
    }

    static PublishRejectedException interrupted() {
        return new PublishRejectedException(
                Reason.INTERRUPTED,
                "the event was not accepted: the publishing thread was interrupted while waiting for room in the"
                        + " queue",
                new InterruptedException());
    }

    public Reason reason() {
        return reason;
    }
}
