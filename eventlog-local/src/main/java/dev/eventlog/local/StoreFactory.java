package dev.eventlog.local;

import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.inmemory.InMemoryEventLog;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Opens the store {@link StoreOptions} describe. */
public final class StoreFactory {

    private StoreFactory() {
    }

    /**
     * The opened store; for DynamoDB the table is created first when asked.
     *
     * @throws RuntimeException when DynamoDB cannot be reached or the table cannot be created
     */
    public static OpenedStore open(StoreOptions options) {
        if (options.kind() == StoreOptions.Kind.MEMORY) {
            return new OpenedStore(new InMemoryEventLog(), () -> { });
        }
        DynamoDbClient client = DynamoDbEventLog.leanClient(Region.of(options.region()),
                options.endpoint().orElse(null), credentials(options));
        try {
            if (options.createTable()) {
                DynamoDbEventLog.createTable(client, options.table());
            }
            DynamoDbEventLog store = DynamoDbEventLog.builder().client(client).tableName(options.table()).build();
            return new OpenedStore(store, client);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    // Local emulators accept any key pair, so with an endpoint a fixed one stands in when none is configured.
    private static AwsCredentialsProvider credentials(StoreOptions options) {
        AwsCredentialsProvider configured = DefaultCredentialsProvider.builder().build();
        if (options.endpoint().isEmpty()) {
            return configured;
        }
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(configured,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
