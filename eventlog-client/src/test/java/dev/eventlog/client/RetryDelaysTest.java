package dev.eventlog.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The waits between attempts: full jitter below an exponential ceiling, never shorter than Retry-After asks. */
class RetryDelaysTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
    private final RetryDelays delays = new RetryDelays(Duration.ofMillis(100), Duration.ofSeconds(5), NOW);

    @Test
    void waits_stayBelowTheDoublingCeilingAndTheMaximum() {
        for (int retry = 0; retry < 70; retry++) {
            long ceiling = Math.min(5_000, 100L << Math.min(retry, 20));
            for (int draw = 0; draw < 50; draw++) {
                Duration wait = delays.before(retry, Optional.empty());
                assertTrue(!wait.isNegative() && wait.toMillis() < ceiling, retry + ": " + wait);
            }
        }
    }

    @Test
    void retryAfter_inSecondsOrAsADate_isAFloorOnTheWait() {
        assertEquals(Duration.ofSeconds(7), delays.before(0, Optional.of("7")));
        assertEquals(Duration.ofSeconds(30), delays.before(0, Optional.of("Wed, 01 May 2024 10:00:30 GMT")));
    }

    @Test
    void aRetryAfterInThePastOrUnreadable_asksForNoExtraWait() {
        assertEquals(Optional.of(Duration.ZERO), delays.parse("Wed, 01 May 2024 09:00:00 GMT"));
        assertEquals(Optional.empty(), delays.parse("soon"));
        assertTrue(delays.before(0, Optional.of("soon")).toMillis() < 100);
    }
}
