package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.domain.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the events table with its {@code byUser} index for local runs and tests, or checks that an existing one
 * has the right keys.
 */
final class TableSetup {

    private static final Duration ACTIVE_WITHIN = Duration.ofMinutes(2);
    private static final Duration POLL_EVERY = Duration.ofMillis(100);
    /** The error code of an endpoint that does not implement an operation, as dynalite answers UpdateTimeToLive. */
    private static final String UNSUPPORTED = "UnknownOperationException";

    private TableSetup() {}

    /** Creates the table, or checks the existing one; returns what {@link #shortcomings} finds in it. */
    static List<String> create(DynamoDbClient client, String tableName) {
        try {
            try {
                client.createTable(CreateTableRequest.builder()
                        .tableName(tableName)
                        .keySchema(
                                KeySchemaElement.builder()
                                        .attributeName(EventItem.DATE)
                                        .keyType(KeyType.HASH)
                                        .build(),
                                KeySchemaElement.builder()
                                        .attributeName(EventItem.TIME)
                                        .keyType(KeyType.RANGE)
                                        .build())
                        .attributeDefinitions(
                                AttributeDefinition.builder()
                                        .attributeName(EventItem.DATE)
                                        .attributeType(ScalarAttributeType.S)
                                        .build(),
                                AttributeDefinition.builder()
                                        .attributeName(EventItem.TIME)
                                        .attributeType(ScalarAttributeType.S)
                                        .build(),
                                AttributeDefinition.builder()
                                        .attributeName(EventItem.USER_ID)
                                        .attributeType(ScalarAttributeType.S)
                                        .build(),
                                AttributeDefinition.builder()
                                        .attributeName(EventItem.AT)
                                        .attributeType(ScalarAttributeType.S)
                                        .build())
                        .globalSecondaryIndexes(userIndex())
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .build());
            } catch (ResourceInUseException exists) {
                // Created before (or being created): check below that it is a table this store can use.
            }
            TableDescription table = awaitActive(client, tableName);
            checkKeySchema(table);
            return shortcomings(table);
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(e, tableName);
        }
    }

    /**
     * Turns on time to live on {@code attribute}. An endpoint without the operation (dynalite, for one) is left as
     * it is: the store hides expired events itself, so only the deletion is missing there, and a local table is
     * small. One already set on the same attribute is fine; any other failure is reported.
     */
    static void enableTimeToLive(DynamoDbClient client, String tableName, String attribute) {
        try {
            client.updateTimeToLive(r -> r.tableName(tableName)
                    .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
        } catch (DynamoDbException e) {
            String code =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (UNSUPPORTED.equals(code) || alreadyEnabled(e)) {
                return;
            }
            throw DynamoDbFailures.translate(e, tableName);
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(e, tableName);
        }
    }

    private static boolean alreadyEnabled(DynamoDbException e) {
        return e.getMessage() != null && e.getMessage().contains("already enabled");
    }

    /** The {@link UserIndex}: a user's events by {@code at}, every attribute projected so a page needs no table reads. */
    static GlobalSecondaryIndex userIndex() {
        return GlobalSecondaryIndex.builder()
                .indexName(UserIndex.NAME)
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName(EventItem.USER_ID)
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName(EventItem.AT)
                                .keyType(KeyType.RANGE)
                                .build())
                .projection(
                        Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    /**
     * Reads the table's description, without waiting or writing, checks its key schema and returns what
     * {@link #shortcomings} finds in it.
     */
    static List<String> check(DynamoDbClient client, String tableName) {
        try {
            TableDescription table =
                    client.describeTable(r -> r.tableName(tableName)).table();
            checkKeySchema(table);
            return shortcomings(table);
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(e, tableName);
        }
    }

    /**
     * What a table with the right keys lacks, in words for whoever runs the store: the {@link UserIndex}, which a
     * table made before the index existed does not have (the store works without it, but queries by user fail),
     * or which is still being built.
     */
    static List<String> shortcomings(TableDescription table) {
        GlobalSecondaryIndexDescription index = table.globalSecondaryIndexes().stream()
                .filter(candidate -> UserIndex.NAME.equals(candidate.indexName()))
                .findFirst()
                .orElse(null);
        String named = "DynamoDB table '" + table.tableName() + "'";
        if (index == null) {
            return List.of(named + " has no '" + UserIndex.NAME + "' index (it was made by an earlier version):"
                    + " until it exists, a query by userId reads the days of its date or range with a filter, and one"
                    + " without a date or range is refused. A table the CDK stack made gets it on the next"
                    + " deploy; elsewhere add global secondary index '" + UserIndex.NAME + "' (hash key "
                    + EventItem.USER_ID
                    + " S, range key " + EventItem.AT + " S, projection ALL), then run backfill-user-index");
        }
        if (index.indexStatus() != null && index.indexStatus() != IndexStatus.ACTIVE) {
            return List.of(named + "'s '" + UserIndex.NAME + "' index is " + index.indexStatusAsString()
                    + ": until it is ACTIVE, queries by userId read the days of their date or range with a filter");
        }
        return List.of();
    }

    private static TableDescription awaitActive(DynamoDbClient client, String tableName) {
        Instant deadline = Instant.now().plus(ACTIVE_WITHIN);
        while (true) {
            TableDescription table =
                    client.describeTable(r -> r.tableName(tableName)).table();
            if (table.tableStatus() == TableStatus.ACTIVE) {
                return table;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StoreUnavailableException(
                        "DynamoDB table '" + tableName + "' is still " + table.tableStatusAsString() + " after "
                                + ACTIVE_WITHIN.toSeconds() + " s",
                        null);
            }
            try {
                Thread.sleep(POLL_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException(
                        "interrupted while waiting for DynamoDB table '" + tableName + "'", e);
            }
        }
    }

    private static void checkKeySchema(TableDescription table) {
        Map<String, String> keys = table.keySchema().stream()
                .collect(Collectors.toMap(KeySchemaElement::attributeName, KeySchemaElement::keyTypeAsString));
        Map<String, String> types = table.attributeDefinitions().stream()
                .collect(Collectors.toMap(
                        AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
        boolean fits = keys.equals(Map.of(EventItem.DATE, "HASH", EventItem.TIME, "RANGE"))
                && "S".equals(types.get(EventItem.DATE))
                && "S".equals(types.get(EventItem.TIME));
        if (!fits) {
            List<String> found = table.keySchema().stream()
                    .map(k -> k.attributeName() + " " + k.keyTypeAsString() + " " + types.get(k.attributeName()))
                    .toList();
            throw new StoreConfigurationException(
                    "DynamoDB table '" + table.tableName() + "' exists with key schema " + found
                            + "; this store needs hash key 'date' (S) and range key 'time' (S)",
                    null);
        }
    }
}
