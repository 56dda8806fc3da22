package dev.eventlog.dynamodb;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.eventlog.core.domain.StoreConfigurationException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Reads of a table that records no number of write shards cost one look a minute, not one per read. */
class TableMetadataTest {

    private final DynamoDbClient client = mock(DynamoDbClient.class);
    private final AtomicLong now = new AtomicLong();
    private final TableMetadata metadata =
            new TableMetadata(client, "events", new ShardLayout(1), Clock.systemUTC(), now::get);

    @Test
    void tableWithoutARecord_isLookedAtOnceAMinuteByReads() {
        when(client.getItem(any(GetItemRequest.class)))
                .thenReturn(GetItemResponse.builder().build());

        for (int i = 0; i < 100; i++) {
            metadata.checkBeforeRead();
        }
        verify(client, times(1)).getItem(any(GetItemRequest.class));

        now.addAndGet(TableMetadata.ABSENT_RECHECK_NANOS);
        metadata.checkBeforeRead();
        verify(client, times(2)).getItem(any(GetItemRequest.class));
    }

    @Test
    void anotherStoresNumber_recordedMeanwhile_isRefusedAtTheNextLook() {
        when(client.getItem(any(GetItemRequest.class)))
                .thenReturn(GetItemResponse.builder().build())
                .thenReturn(GetItemResponse.builder()
                        .item(Map.of(TableMetadata.WRITE_SHARDS, AttributeValue.fromN("4")))
                        .build());
        metadata.checkBeforeRead();

        now.addAndGet(TableMetadata.ABSENT_RECHECK_NANOS);

        assertThrows(StoreConfigurationException.class, metadata::checkBeforeRead);
    }
}
