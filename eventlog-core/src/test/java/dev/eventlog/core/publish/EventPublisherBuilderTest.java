package dev.eventlog.core.publish;

import static dev.eventlog.core.publish.Publishing.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.usecase.ScriptedEventLog;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Settings outside their range are refused when set, naming the setting and the value. */
class EventPublisherBuilderTest {

    private final EventPublisherBuilder builder = EventPublisher.builder(new ScriptedEventLog());

    private void assertRefused(String message, Consumer<EventPublisherBuilder> setting) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> setting.accept(builder));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void outOfRangeSettings_areRefusedNamingTheSetting() {
        assertRefused("maxBatchEvents must be 1 to 25 (got 26)", b -> b.maxBatchEvents(26));
        assertRefused("maxBatchBytes must be at least 1 (got 0)", b -> b.maxBatchBytes(0));
        assertRefused("maxInFlight must be 1 to 64 (got 0)", b -> b.maxInFlight(0));
        assertRefused("maxQueuedEvents must be at least 1 (got -5)", b -> b.maxQueuedEvents(-5));
        assertRefused("maxQueuedBytes must be at least 1 (got 0)", b -> b.maxQueuedBytes(0));
        assertRefused("linger must be from 0 to PT24H (got PT-0.001S)", b -> b.linger(Duration.ofMillis(-1)));
        assertRefused("enqueueTimeout must be from 0 to PT24H (got PT48H)", b -> b.enqueueTimeout(Duration.ofDays(2)));
        assertRefused(
                "deliveryTimeout must be positive: with 0 no event could be sent",
                b -> b.deliveryTimeout(Duration.ZERO));
        assertRefused(
                "backoff needs 0 < initial <= max (got initial PT1S, max PT0.5S)",
                b -> b.backoff(Duration.ofSeconds(1), Duration.ofMillis(500)));
        assertRefused("threadName must not be blank", b -> b.threadName(" "));
        assertThrows(NullPointerException.class, () -> builder.clock(null));
        assertThrows(NullPointerException.class, () -> EventPublisher.builder(null));
    }

    @Test
    void defaults_makeAWorkingPublisher() throws Exception {
        EventPublisher publisher = builder.build();

        AppendResult result = Publishing.await(publisher.publish(Publishing.timed("alice", 1)));

        assertEquals(AppendOutcome.CREATED, result.outcome());
        assertTrue(publisher.close(PATIENCE));
    }
}
