package dev.eventlog.dynamodb;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Answers for a mocked client, so a test stubs only the calls it is about. */
final class MockedTable {

    private MockedTable() {}

    /**
     * The client answers as a table that this version created: it records one write shard, the current layout and
     * no item without an id, and otherwise holds nothing.
     */
    static void emptyTable(DynamoDbClient client) {
        Map<String, AttributeValue> metadata = Map.of(
                EventItem.DATE, AttributeValue.fromS(TableMetadata.PARTITION_KEY),
                EventItem.TIME, AttributeValue.fromS(TableMetadata.RANGE_KEY),
                TableMetadata.WRITE_SHARDS, AttributeValue.fromN("1"),
                TableMetadata.LAYOUT, AttributeValue.fromN(Integer.toString(ShardLayout.VERSION)),
                TableMetadata.WITHOUT_ID_UNTIL, AttributeValue.fromS(TableMetadata.NO_ITEMS_WITHOUT_ID));
        lenient().when(client.getItem(any(GetItemRequest.class))).thenAnswer(invocation -> {
            GetItemRequest request = invocation.getArgument(0);
            boolean isMetadata = TableMetadata.PARTITION_KEY.equals(
                    request.key().get(EventItem.DATE).s());
            return isMetadata
                    ? GetItemResponse.builder().item(metadata).build()
                    : GetItemResponse.builder().build();
        });
        lenient()
                .when(client.query(any(QueryRequest.class)))
                .thenReturn(QueryResponse.builder().build());
    }
}
