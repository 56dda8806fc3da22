package dev.eventlog.core.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Full jitter: each wait is below a ceiling that doubles from the first backoff up to the cap, and never overflows. */
class BackoffProperties {

    @Property
    void ceilingDoublesUpToTheCap_andEveryDelayStaysBelowIt(
            @ForAll @LongRange(min = 1, max = 86_400_000_000_000L) long initial,
            @ForAll @LongRange(min = 0, max = 86_400_000_000_000L) long extra,
            @ForAll @IntRange(min = 0, max = 200) int retry) {
        long max = Math.min(86_400_000_000_000L, initial + extra);
        Backoff backoff = new Backoff(initial, max);

        BigInteger doubled = BigInteger.valueOf(initial).shiftLeft(retry);
        long expected = doubled.min(BigInteger.valueOf(max)).longValueExact();
        assertEquals(expected, backoff.ceiling(retry));
        long delay = backoff.delay(retry);
        assertTrue(delay >= 0 && delay < expected, "delay " + delay + " outside [0, " + expected + ")");
    }
}
