package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.inmemory.InMemoryEventLog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production wiring reads its store from the environment and says clearly what is missing. */
class StoreWiringTest {

    @Test
    void memoryStore_isChosenByEventlogStore() {
        assertInstanceOf(InMemoryEventLog.class, StoreWiring.fromEnvironment(Map.of("EVENTLOG_STORE", "memory")));
    }

    @Test
    void missingTableName_failsWithAClearMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StoreWiring.fromEnvironment(Map.of()));

        assertTrue(e.getMessage().startsWith("TABLE_NAME is not set"));
        assertTrue(e.getMessage().contains("EVENTLOG_STORE=memory"));
    }

    @Test
    void blankTableName_failsLikeAMissingOne() {
        assertThrows(IllegalStateException.class, () -> StoreWiring.fromEnvironment(Map.of("TABLE_NAME", " ")));
    }

    @Test
    void unknownStoreKind_failsNamingTheChoices() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StoreWiring.fromEnvironment(Map.of("EVENTLOG_STORE", "redis")));

        assertTrue(e.getMessage().contains("'dynamodb'") && e.getMessage().contains("'memory'"));
    }
}
