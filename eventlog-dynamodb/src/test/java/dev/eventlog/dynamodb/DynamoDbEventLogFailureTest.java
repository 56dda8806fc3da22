package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Failures part way through an operation (what dynalite cannot produce) are never reported as a success. */
class DynamoDbEventLogFailureTest {

    private final DynamoDbClient client = mock(DynamoDbClient.class);
    private final DynamoDbEventLog store =
            DynamoDbEventLog.builder().client(client).tableName("events").build();

    DynamoDbEventLogFailureTest() {
        MockedTable.emptyTable(client);
    }

    @Test
    void batchWithOneThrottledWrite_failsAfterWritingTheOthers() {
        LocalDate day = uniqueDay();
        List<EventRecord> batch = IntStream.range(0, 5)
                .mapToObj(i -> event(key(day, 6, 0, i, 1), i == 2 ? "unlucky" : "user-" + i, "click"))
                .toList();
        when(client.putItem(any(PutItemRequest.class))).thenAnswer(invocation -> {
            PutItemRequest request = invocation.getArgument(0);
            if (request.item().get("userId").s().equals("unlucky")) {
                throw ProvisionedThroughputExceededException.builder()
                        .message("throttled after retries")
                        .statusCode(400)
                        .build();
            }
            return PutItemResponse.builder().build();
        });

        StoreUnavailableException error = assertThrows(StoreUnavailableException.class, () -> store.appendAll(batch));

        assertTrue(error.getMessage().contains("1 of 5"), error.getMessage());
        verify(client, times(5)).putItem(any(PutItemRequest.class));
    }

    @Test
    void conflictWhoseStoredItemCannotBeRead_isStoreUnavailableNotAnOutcome() {
        when(client.putItem(any(PutItemRequest.class)))
                .thenThrow(ConditionalCheckFailedException.builder()
                        .message("taken")
                        .statusCode(400)
                        .build());
        when(client.getItem(any(GetItemRequest.class)))
                .thenThrow(InternalServerErrorException.builder()
                        .message("down")
                        .statusCode(500)
                        .build());

        assertThrows(StoreUnavailableException.class, () -> store.append(event(key(uniqueDay(), "07:00:00.001"))));
    }

    @Test
    void pageWhoseSecondReadFails_isStoreUnavailableNotAShortLastPage() {
        LocalDate day = uniqueDay();
        Map<String, AttributeValue> item = TableItems.original(day.toString(), "08:00:00.000", "u", "view");
        when(client.query(any(QueryRequest.class)))
                .thenReturn(QueryResponse.builder()
                        .items(List.of(item))
                        .lastEvaluatedKey(EventItem.key(day.toString(), "08:00:00.000"))
                        .build())
                .thenThrow(ProvisionedThroughputExceededException.builder()
                        .message("throttled after retries")
                        .statusCode(400)
                        .build());

        assertThrows(
                StoreUnavailableException.class,
                () -> store.query(EventQuery.of(new QueryScope.Day(day)).withLimit(10), Optional.empty()));
    }
}
