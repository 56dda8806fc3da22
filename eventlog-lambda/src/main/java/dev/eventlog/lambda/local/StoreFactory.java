package dev.eventlog.lambda.local;

import dev.eventlog.inmemory.InMemoryEventLog;

/** Opens the store {@link StoreOptions} describe. */
public final class StoreFactory {

    private StoreFactory() {
    }

    /** The opened store; for DynamoDB the table is created first when asked. */
    public static OpenedStore open(StoreOptions options) throws UsageException {
        if (options.kind() == StoreOptions.Kind.MEMORY) {
            return new OpenedStore(new InMemoryEventLog(), () -> { });
        }
        throw new UsageException("--store dynamodb is not available in this build");
    }
}
