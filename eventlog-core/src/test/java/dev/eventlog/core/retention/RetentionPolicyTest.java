package dev.eventlog.core.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.port.SettableClock;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionPolicyTest {

    private static final EventKey KEY = EventKey.parse("2024-06-01", "18:30:00.999", "abc");
    private final SettableClock clock = new SettableClock(Instant.parse("2024-06-01T18:30:00Z"));

    @Test
    void expiresAt_isTheEventsInstantPlusThePeriod_inEpochSecondsWithoutTheFraction() {
        RetentionPolicy policy = RetentionPolicy.days(30, clock);

        assertEquals(OptionalLong.of(Instant.parse("2024-07-01T18:30:00Z").getEpochSecond()), policy.expiresAt(KEY));
    }

    @Test
    void keepForever_hasNoExpiry_andNothingExpires() {
        clock.set(Instant.parse("9999-01-01T00:00:00Z"));

        assertEquals(OptionalLong.empty(), RetentionPolicy.keepForever().expiresAt(KEY));
        assertFalse(RetentionPolicy.keepForever().expired(KEY));
        assertFalse(RetentionPolicy.keepForever().limited());
    }

    @Test
    void expired_fromTheSecondExpiresAtNames() {
        RetentionPolicy policy = RetentionPolicy.days(1, clock);

        clock.set(Instant.parse("2024-06-02T18:29:59.999Z"));
        assertFalse(policy.expired(KEY));
        clock.set(Instant.parse("2024-06-02T18:30:00Z"));
        assertTrue(policy.expired(KEY));
    }

    @Test
    void fromEnvironment_withoutTheVariable_keepsForever() {
        assertFalse(RetentionPolicy.fromEnvironment(Map.of(), clock).limited());
        assertFalse(RetentionPolicy.fromEnvironment(Map.of(RetentionPolicy.DAYS_VARIABLE, " "), clock)
                .limited());
    }

    @Test
    void fromEnvironment_readsDays() {
        assertEquals(
                90,
                RetentionPolicy.fromEnvironment(Map.of(RetentionPolicy.DAYS_VARIABLE, "90"), clock)
                        .days());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "36501", "-1", "1.5", "ten", "99999999999"})
    void fromEnvironment_refusesAnInvalidPeriod_namingTheVariable(String text) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RetentionPolicy.fromEnvironment(Map.of(RetentionPolicy.DAYS_VARIABLE, text), clock));

        assertTrue(e.getMessage().startsWith(RetentionPolicy.DAYS_VARIABLE), e.getMessage());
    }

    @Test
    void describe_namesThePeriod() {
        assertEquals("1 day", RetentionPolicy.days(1, clock).describe());
        assertEquals("30 days", RetentionPolicy.days(30, clock).describe());
    }
}
