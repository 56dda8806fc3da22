package dev.eventlog.local;

import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.inmemory.InMemoryEventLog;
import dev.eventlog.local.data.ApiEventLines;
import dev.eventlog.local.data.FileEventLog;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Opens the store {@link StoreOptions} describe. */
public final class StoreFactory {

    private StoreFactory() {}

    /** The opened store, with warnings on stderr; see {@link #open(StoreOptions, Consumer)}. */
    public static OpenedStore open(StoreOptions options) {
        return open(options, System.err::println);
    }

    /**
     * The opened store; for DynamoDB the table is created first when asked, else checked (by reading only).
     *
     * <p>A missing table, or one with other keys, would otherwise make every request a 500, so it stops the runner
     * here. DynamoDB out of reach does not: the store recovers when it comes back, so that is only a warning.
     *
     * @throws StoreConfigurationException when the table is missing or not this store's, or cannot be created
     */
    public static OpenedStore open(StoreOptions options, Consumer<String> warnings) {
        return open(options, warnings, true);
    }

    /**
     * The opened store without the start-up read of the table's description, for a run as short as {@code invoke},
     * where that read is a tenth of the whole; {@link #explainFailure} makes it after a request failed instead.
     */
    static OpenedStore openUnchecked(StoreOptions options) {
        return open(options, System.err::println, false);
    }

    /**
     * After a request on a store opened with {@link #openUnchecked} failed, reads the table's description to name a
     * missing or foreign table as {@link #open} would have at start, and passes on what else the table lacks (a
     * missing user index fails queries by user). DynamoDB out of reach the responses already say.
     *
     * @throws StoreConfigurationException when the table is missing or not this store's
     */
    static void explainFailure(StoreOptions options, OpenedStore store, Consumer<String> warnings) {
        if (options.kind() == StoreOptions.Kind.DYNAMODB && store.resources() instanceof DynamoDbClient client) {
            try {
                shortcomings(client, options.table(), warnings);
            } catch (StoreUnavailableException e) {
                // The failed responses (503) and the function's log say it already.
            }
        }
    }

    private static OpenedStore open(StoreOptions options, Consumer<String> warnings, boolean check) {
        if (options.kind() == StoreOptions.Kind.MEMORY) {
            if (options.data().isPresent()) {
                FileEventLog file =
                        FileEventLog.open(options.data().get(), ApiEventLines.LINES, options.retention(), warnings);
                return new OpenedStore(file, options.retention(), file);
            }
            return new OpenedStore(new InMemoryEventLog(options.retention()), options.retention(), () -> {});
        }
        DynamoDbClient client = dynamoDbClient(options);
        try {
            if (options.createTable()) {
                DynamoDbEventLog.createTable(client, options.table(), options.retention())
                        .forEach(shortcoming -> warnings.accept("warning: " + shortcoming));
            } else if (check) {
                checkTable(client, options.table(), warnings);
            }
            DynamoDbEventLog store = DynamoDbEventLog.builder()
                    .client(client)
                    .tableName(options.table())
                    .writeShards(options.writeShards())
                    .retention(options.retention())
                    .build();
            if (check || options.createTable()) {
                checkLayout(store, options.table(), warnings);
            }
            return new OpenedStore(store, options.retention(), client);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static void checkTable(DynamoDbClient client, String table, Consumer<String> warnings) {
        try {
            shortcomings(client, table, warnings);
        } catch (StoreUnavailableException e) {
            warnings.accept("warning: could not check DynamoDB table '" + table + "' at start (" + e.getMessage()
                    + "); serving anyway, requests get 503 until DynamoDB answers");
        }
    }

    /**
     * A table written with another number of write shards is refused here, not found out by reads that would miss
     * the other shards' events until the store's next look at the table.
     */
    private static void checkLayout(DynamoDbEventLog store, String table, Consumer<String> warnings) {
        try {
            store.checkLayout();
        } catch (StoreUnavailableException e) {
            warnings.accept("warning: could not read DynamoDB table '" + table + "''s write-shard record at start ("
                    + e.getMessage() + ")");
        }
    }

    private static void shortcomings(DynamoDbClient client, String table, Consumer<String> warnings) {
        try {
            DynamoDbEventLog.checkTable(client, table)
                    .forEach(shortcoming -> warnings.accept("warning: " + shortcoming));
        } catch (StoreConfigurationException e) {
            // The hint only where it helps: --create-table leaves a table with other keys as it is.
            if (e.getCause() instanceof ResourceNotFoundException) {
                throw new StoreConfigurationException(e.getMessage() + " (--create-table creates a missing table)", e);
            }
            throw e;
        }
    }

    /** A DynamoDB client for the options' endpoint and region, for commands that work on the table directly. */
    static DynamoDbClient dynamoDbClient(StoreOptions options) {
        return DynamoDbEventLog.leanClient(
                Region.of(options.region()), options.endpoint().orElse(null), credentials(options));
    }

    // Local emulators accept any key pair, so with an endpoint a fixed one stands in when none is configured.
    private static AwsCredentialsProvider credentials(StoreOptions options) {
        AwsCredentialsProvider configured = DefaultCredentialsProvider.builder().build();
        if (options.endpoint().isEmpty()) {
            return configured;
        }
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(
                        configured, StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
