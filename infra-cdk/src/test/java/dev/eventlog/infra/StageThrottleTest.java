package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StageThrottleTest {

    @Test
    void theDefaultReservation_getsABurstOf20_and4RequestsPerSecond() {
        assertEquals(new StageThrottle(4, 20), StageThrottle.forConcurrency(100));
        assertEquals("20 + 4 x 20 s = 100", StageThrottle.forConcurrency(100).describe());
    }

    @Test
    void whenEveryRequestLastsTheWholeTimeout_theThrottleNeverHoldsMoreThanTheReservation() {
        for (int reserved = 2; reserved <= 5_000; reserved++) {
            StageThrottle throttle = StageThrottle.forConcurrency(reserved);
            assertTrue(throttle.worstCaseConcurrency() <= reserved, reserved + ": " + throttle.describe());
            assertTrue(throttle.rateLimit() > 0 && throttle.burstLimit() >= 1, throttle.toString());
        }
    }

    @Test
    void aReservationOfOne_stillLetsOneRequestPerTimeoutThrough() {
        assertEquals(new StageThrottle(0.05, 1), StageThrottle.forConcurrency(1));
    }
}
