package dev.eventlog.lambda;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.inmemory.InMemoryEventLog;
import java.util.Map;

/**
 * Chooses the store from the function's environment: {@code EVENTLOG_STORE=memory} for an in-memory store (lost
 * when the process ends: for trials and tests), otherwise DynamoDB, the table named by {@code TABLE_NAME}.
 */
final class StoreWiring {

    static final String STORE_VARIABLE = "EVENTLOG_STORE";
    static final String TABLE_VARIABLE = "TABLE_NAME";

    private StoreWiring() {
    }

    static EventLogPort fromEnvironment(Map<String, String> environment) {
        String kind = environment.getOrDefault(STORE_VARIABLE, "dynamodb");
        switch (kind) {
            case "memory":
                return new InMemoryEventLog();
            case "dynamodb":
                String table = environment.get(TABLE_VARIABLE);
                if (table == null || table.isBlank()) {
                    throw new IllegalStateException(TABLE_VARIABLE + " is not set: set it to the name of the DynamoDB table"
                            + " that holds the events (or set " + STORE_VARIABLE + "=memory for a store in memory)");
                }
                return DynamoDbEventLog.fromEnvironment(environment);
            default:
                throw new IllegalStateException(STORE_VARIABLE + " must be 'dynamodb' (the default) or 'memory', not '" + kind + "'");
        }
    }
}
