package dev.eventlog.dynamodb;

import dev.eventlog.core.port.EventLogPort;
import java.util.Map;

/** Placeholder until the DynamoDB adapter is merged. */
public final class DynamoDbEventLog {

    private DynamoDbEventLog() {
    }

    public static EventLogPort fromEnvironment(Map<String, String> environment) {
        throw new UnsupportedOperationException("the DynamoDB adapter is not merged yet");
    }
}
