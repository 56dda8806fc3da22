package dev.eventlog.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.domain.StoreUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

class StoreCallTimeoutsTest {

    @Test
    void byDefault_aRequestOnAStoreThatDoesNotAnswerEndsAtLeast3sBeforeThe20sFunctionTimeout() {
        StoreCallTimeouts timeouts = StoreCallTimeouts.from(Map.of());

        assertEquals(Duration.ofMillis(3_500), timeouts.call());
        assertTrue(timeouts.attempt().compareTo(timeouts.call()) < 0, timeouts.toString());
        assertTrue(timeouts.longestUnansweredRequest().compareTo(Duration.ofSeconds(20 - 3)) < 0, timeouts.toString());
        // What the README promises: a full batch on a store that does not answer gets its 503 after about 14 s.
        assertEquals(Duration.ofSeconds(14), timeouts.longestUnansweredRequest());
        assertEquals(Duration.ofSeconds(20), StoreCallTimeouts.FUNCTION_TIMEOUT);
    }

    @Test
    void callTimeoutFromTheEnvironment_setsTheAttemptTimeoutToo() {
        StoreCallTimeouts timeouts = StoreCallTimeouts.from(Map.of("EVENTLOG_CALL_TIMEOUT_MS", "8000"));

        assertEquals(Duration.ofSeconds(8), timeouts.call());
        assertEquals(Duration.ofSeconds(3), timeouts.attempt());
    }

    @Test
    void callTimeoutThatIsNotAWholeNumberOfMilliseconds_isRefusedWithTheVariableNamed() {
        for (String bad : new String[] {"3s", "-1", "99", "1e4"}) {
            StoreConfigurationException e = assertThrows(
                    StoreConfigurationException.class,
                    () -> StoreCallTimeouts.from(Map.of("EVENTLOG_CALL_TIMEOUT_MS", bad)));
            assertTrue(
                    e.getMessage().contains("EVENTLOG_CALL_TIMEOUT_MS")
                            && e.getMessage().contains(bad),
                    e.getMessage());
        }
    }

    @Test
    void sdkTimeouts_areTheStoreBeingUnavailable() {
        assertInstanceOf(
                StoreUnavailableException.class,
                DynamoDbFailures.translate(ApiCallTimeoutException.create(3_500), "events"));
        assertInstanceOf(
                StoreUnavailableException.class,
                DynamoDbFailures.translate(ApiCallAttemptTimeoutException.create(1_312), "events"));
    }
}
