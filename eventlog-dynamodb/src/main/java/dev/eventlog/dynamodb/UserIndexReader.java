package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.query.SortOrder;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Reads a user's events from the {@link UserIndex}, which holds them in exact key order, starting just past the
 * page's resume key. Index reads are eventually consistent, the only kind DynamoDB offers on a global secondary index.
 */
final class UserIndexReader {

    private final DynamoDbClient client;
    private final String tableName;

    UserIndexReader(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    void read(PageCollector page, ReadBudget budget) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#u", EventItem.USER_ID);
        values.put(":u", AttributeValue.fromS(page.query().userId()));
        StringBuilder condition = new StringBuilder("#u = :u");
        UserIndex.Bounds bounds = UserIndex.bounds(page.query(), page.after());
        if (bounds.prefix() != null || bounds.low() != null || bounds.high() != null) {
            names.put("#a", EventItem.AT);
        }
        if (bounds.prefix() != null) {
            condition.append(" AND begins_with(#a, :p)");
            values.put(":p", AttributeValue.fromS(bounds.prefix()));
        } else if (bounds.low() != null && bounds.high() != null) {
            condition.append(" AND #a BETWEEN :lo AND :hi");
        } else if (bounds.low() != null) {
            condition.append(" AND #a >= :lo");
        } else if (bounds.high() != null) {
            condition.append(" AND #a <= :hi");
        }
        if (bounds.prefix() == null && bounds.low() != null) {
            values.put(":lo", AttributeValue.fromS(bounds.low()));
        }
        if (bounds.prefix() == null && bounds.high() != null) {
            values.put(":hi", AttributeValue.fromS(bounds.high()));
        }
        String filter = ItemFilter.typeOnly(page.query()).apply(names, values);
        boolean ascending = page.query().order() == SortOrder.ASC;
        ItemCursor cursor = new ItemCursor(
                (startKey, limit) -> {
                    ReadBudget.Grant grant = budget.grant(limit);
                    QueryResponse response = client.query(QueryRequest.builder()
                            .tableName(tableName)
                            .indexName(UserIndex.NAME)
                            .keyConditionExpression(condition.toString())
                            .filterExpression(filter)
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .scanIndexForward(ascending)
                            .limit(grant.limit())
                            .exclusiveStartKey(startKey)
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                            .build());
                    budget.charge(grant, response.consumedCapacity(), response.scannedCount(), false);
                    return new ItemCursor.Batch(response.items(), response.lastEvaluatedKey());
                },
                page::wanted,
                filter != null);
        cursor.stoppable(c -> budget.spent() && page.beyondStart(UserIndex.keyOf(c.lastEvaluatedKey())));
        for (ItemCursor.Read read = cursor.poll(); read != null; read = cursor.poll()) {
            EventRecord event = read.event();
            if (page.offer(event)) {
                return;
            }
        }
        if (cursor.stalled()) {
            page.stopAt(UserIndex.keyOf(cursor.lastEvaluatedKey()));
        }
    }
}
