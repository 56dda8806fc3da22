package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A batch in which one write fails after the SDK's retries, on a real DynamoDB-protocol server (dynalite): the
 * batch is reported unavailable, the other events are stored as sent, and retrying the whole batch completes it.
 */
class DynamoDbEventLogPartialBatchTest {

    private static final String TABLE = "events-partial";
    private static DynaliteServer server;

    @BeforeAll
    static void startServer() {
        server = DynaliteServer.start();
        DynamoDbEventLog.createTable(server.client(), TABLE);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void batchWithOneFailedWrite_storesTheOthers_andARetryOfTheWholeBatchCompletesIt() {
        LocalDate day = uniqueDay();
        List<EventRecord> batch = IntStream.range(0, 7)
                .mapToObj(i -> event(key(day, 6, 0, i, 1), i == 3 ? "unlucky" : "user-" + i, "click"))
                .toList();
        FailingOnePut failing = new FailingOnePut(server.client(), "unlucky");
        DynamoDbEventLog store =
                DynamoDbEventLog.builder().client(failing).tableName(TABLE).build();
        DynamoDbEventLog direct = DynamoDbEventLog.builder()
                .client(server.client())
                .tableName(TABLE)
                .build();

        StoreUnavailableException error = assertThrows(StoreUnavailableException.class, () -> store.appendAll(batch));

        assertTrue(error.getMessage().contains("1 of 7"), error.getMessage());
        for (EventRecord sent : batch) {
            Optional<EventRecord> stored = direct.find(sent.key());
            assertEquals(
                    sent.userId().equals("unlucky") ? Optional.empty() : Optional.of(sent), stored, sent.toString());
        }

        failing.heal();
        List<AppendOutcome> outcomes =
                store.appendAll(batch).stream().map(AppendResult::outcome).toList();
        List<AppendOutcome> expected = batch.stream()
                .map(sent -> sent.userId().equals("unlucky") ? AppendOutcome.CREATED : AppendOutcome.EXISTING)
                .toList();
        assertEquals(expected, outcomes);
        for (EventRecord sent : batch) {
            assertEquals(Optional.of(sent), direct.find(sent.key()));
        }
    }

    /** Forwards to a real client, except that a put of the named user's event fails as a throttled write would. */
    private static final class FailingOnePut implements DynamoDbClient {
        private final DynamoDbClient real;
        private final String unluckyUser;
        private volatile boolean healed;

        FailingOnePut(DynamoDbClient real, String unluckyUser) {
            this.real = real;
            this.unluckyUser = unluckyUser;
        }

        void heal() {
            healed = true;
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            AttributeValue userId = request.item().get("userId");
            // Only the unlucky user's event fails; the store's own metadata item has no user.
            if (!healed && userId != null && unluckyUser.equals(userId.s())) {
                throw ProvisionedThroughputExceededException.builder()
                        .message("throttled after retries")
                        .statusCode(400)
                        .build();
            }
            return real.putItem(request);
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return real.getItem(request);
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            return real.query(request);
        }

        @Override
        public ScanResponse scan(ScanRequest request) {
            return real.scan(request);
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
            // The real client belongs to the server harness.
        }
    }
}
