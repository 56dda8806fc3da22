package dev.eventlog.bench.dynalite;

import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.core.domain.EventKey;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The raw SDK calls the store issues on the warm table, built by hand with the same item, key, expression and options:
 * the floor the handler's latency is judged against.
 */
public final class RawRequests {

    private RawRequests() {
    }

    /**
     * The conditional write the store issues for sample event {@code n} posted without a time, at {@code key}: the
     * item as the store writes it, with {@code at}, the byUser index's sort key, so the index is written too.
     */
    public static PutItemRequest warmPut(EventKey key, int n) {
        return PutItemRequest.builder()
                .tableName(DynaliteStores.WARM_TABLE)
                .item(Map.of(
                        "date", AttributeValue.fromS(key.dateText()),
                        "time", AttributeValue.fromS(SampleLog.rangeKey(key)),
                        "eventId", AttributeValue.fromS(key.eventId()),
                        "userId", AttributeValue.fromS(SampleLog.userId(n)),
                        "eventType", AttributeValue.fromS(SampleLog.eventType(n)),
                        "at", AttributeValue.fromS(key.dateText() + "T" + SampleLog.rangeKey(key)),
                        "attributes", AttributeValue.fromM(Map.of("source", AttributeValue.fromS("bench")))))
                .conditionExpression("attribute_not_exists(#d)")
                .expressionAttributeNames(Map.of("#d", "date"))
                .build();
    }

    /**
     * One page of the first sample day, strongly consistent, one more than the page and with the consumed capacity
     * (the store's read budget counts it), as the store asks.
     */
    public static QueryRequest warmDayQuery() {
        return QueryRequest.builder()
                .tableName(DynaliteStores.WARM_TABLE)
                .keyConditionExpression("#d = :d")
                .expressionAttributeNames(Map.of("#d", "date"))
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(SampleLog.FIRST_DAY.toString())))
                .scanIndexForward(true)
                .consistentRead(true)
                .limit(101)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
    }

    /** A strongly consistent read of the event at {@code key} on the warm table. */
    public static GetItemRequest warmGet(EventKey key) {
        return GetItemRequest.builder()
                .tableName(DynaliteStores.WARM_TABLE)
                .key(Map.of("date", AttributeValue.fromS(key.dateText()), "time", AttributeValue.fromS(SampleLog.rangeKey(key))))
                .consistentRead(true)
                .build();
    }
}
