package dev.eventlog.lambda;

import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.retention.RetentionPolicy;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import java.time.Clock;
import java.util.Map;

/**
 * The production object graph, built once from the function's environment: the DynamoDB store on the table named
 * by {@code TABLE_NAME} and the use cases on it with the system clock, both applying the retention period of
 * {@code EVENTLOG_RETENTION_DAYS} when it is set. The deployed function has no other store:
 * one that silently kept events in memory would lose them.
 */
public final class FunctionWiring {

    /** Strongly held: CRaC keeps registered resources only weakly, and the runtime builds one handler per process. */
    private static SnapStartPriming priming;

    private final EventLogPort store;
    private final EventLogService service;

    private FunctionWiring(EventLogPort store, RetentionPolicy retention, Clock clock) {
        this.store = store;
        this.service = new EventLogService(store, clock, retention);
    }

    /** The graph for this environment; refuses one that names no table or an invalid retention period. */
    public static FunctionWiring fromEnvironment(Map<String, String> environment) {
        Clock clock = Clock.systemUTC();
        RetentionPolicy retention;
        try {
            retention = RetentionPolicy.fromEnvironment(environment, clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        DynamoDbEventLog store;
        try {
            // It refuses a missing TABLE_NAME, and any other setting it cannot use, naming the variable.
            store = DynamoDbEventLog.fromEnvironment(environment, retention);
        } catch (StoreConfigurationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return new FunctionWiring(store, retention, clock);
    }

    public EventLogPort store() {
        return store;
    }

    public EventLogService service() {
        return service;
    }

    /** Registers priming of {@code handler} on this store before a SnapStart snapshot (a no-op without CRaC). */
    void primeBeforeSnapshot(EventLogHandler handler) {
        register(SnapStartPriming.register(handler, store));
    }

    private static synchronized void register(SnapStartPriming registered) {
        priming = registered;
    }
}
