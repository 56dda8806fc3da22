package dev.eventlog.bench.dynalite;

import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.core.domain.EventKey;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The raw SDK reads the store issues on the warm table, built by hand: the floor the handler's latency is judged against. */
public final class RawRequests {

    private RawRequests() {
    }

    /** One page of the first sample day, strongly consistent and one more than the page, as the store asks. */
    public static QueryRequest warmDayQuery() {
        return QueryRequest.builder()
                .tableName(DynaliteStores.WARM_TABLE)
                .keyConditionExpression("#d = :d")
                .expressionAttributeNames(Map.of("#d", "date"))
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(SampleLog.FIRST_DAY.toString())))
                .scanIndexForward(true)
                .consistentRead(true)
                .limit(101)
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
