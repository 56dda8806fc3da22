package dev.eventlog.client;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.publish.EventPublisher;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.regions.Region;

/** Records what a shop's customers do, without making them wait for the event log. */
public final class CheckoutEvents implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CheckoutEvents.class.getName());

    private final EventPublisher publisher;

    public CheckoutEvents(EventLogPort log) {
        this.publisher = EventPublisher.builder(log).build();
    }

    /** The deployed API, with requests signed by the service's own AWS credentials (the SDK's default chain). */
    public static CheckoutEvents toApi(URI endpoint, Region region) {
        CheckoutEvents events = new CheckoutEvents(
                HttpEventLog.builder().endpoint(endpoint).region(region).build());
        // Delivers what is still queued (for up to ten seconds) when the service stops.
        Runtime.getRuntime().addShutdownHook(new Thread(events::close));
        return events;
    }

    /** The order id is the event's id: however often this runs for one order, the purchase is recorded once. */
    public void purchased(String userId, String orderId, Instant orderedAt, String total) {
        watch(publisher.publish(
                new EventDraft(null, null, orderedAt.toString(), orderId, userId, "purchase", Map.of("total", total))));
    }

    /** No time given: the publisher stamps the current time, and each call records a new event. */
    public void viewed(String userId, String page) {
        watch(publisher.publish(new EventDraft(null, null, userId, "view", Map.of("page", page))));
    }

    private static void watch(CompletableFuture<?> delivery) {
        delivery.whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, "event not recorded", failure);
            }
        });
    }

    @Override
    public void close() {
        publisher.close();
    }
}
