package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendResult;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** A batch's writes overlap instead of following one another. */
class DynamoDbEventLogBatchTest {

    private final DynamoDbClient client = mock(DynamoDbClient.class);
    private final DynamoDbEventLog store =
            DynamoDbEventLog.builder().client(client).tableName("events").build();

    DynamoDbEventLogBatchTest() {
        MockedTable.emptyTable(client);
    }

    @Test
    void batchOfTwentyFive_hasSeveralWritesInFlightAtOnce() {
        LocalDate day = uniqueDay();
        List<EventRecord> batch = IntStream.range(0, 25)
                .mapToObj(i -> event(key(day, 4, 0, i, 7)))
                .toList();
        // Each of the first writes waits for the others to start: written one after another, none would ever return.
        int overlapping = 4;
        CountDownLatch started = new CountDownLatch(overlapping);
        AtomicBoolean gaveUp = new AtomicBoolean();
        when(client.putItem(any(PutItemRequest.class))).thenAnswer(invocation -> {
            started.countDown();
            if (gaveUp.get() || !started.await(20, TimeUnit.SECONDS)) {
                gaveUp.set(true);
                throw new IllegalStateException("fewer than " + overlapping + " writes ran at the same time");
            }
            return PutItemResponse.builder().build();
        });

        List<AppendResult> results = store.appendAll(batch);

        assertEquals(batch, results.stream().map(AppendResult::event).toList());
        assertTrue(results.stream().allMatch(r -> r.outcome().label().equals("created")));
    }
}
