package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * Answers dynalite cannot give (throttling, server errors, broken connections), scripted below the SDK so that
 * the client built by {@link DynamoDbEventLog#leanClient} really retries them before the store reports them.
 */
class DynamoDbEventLogRetryTest {

    /** The standard retry mode makes three attempts in all. */
    private static final int STANDARD_ATTEMPTS = 3;

    /** The metadata item of a table this version created, with one write shard. */
    private static final String METADATA = "{\"Item\":{\"date\":{\"S\":\"#meta\"},\"time\":{\"S\":\"#meta\"},"
            + "\"writeShards\":{\"N\":\"1\"},\"layout\":{\"N\":\"2\"},\"itemsWithoutIdUntil\":{\"S\":\"none\"}}}";

    private final SdkHttpClient http = mock(SdkHttpClient.class);
    private final Deque<Answer> script = new ArrayDeque<>();
    private final DynamoDbEventLog store = DynamoDbEventLog.builder()
            .client(LeanClient.build(
                    Region.US_EAST_1,
                    URI.create("http://127.0.0.1:9"),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                    http))
            .tableName("events")
            .build();

    DynamoDbEventLogRetryTest() throws Exception {
        when(http.clientName()).thenReturn("scripted");
        when(http.prepareRequest(any(HttpExecuteRequest.class))).thenAnswer(invocation -> {
            Answer next = script.isEmpty() ? Answer.error(500, "InternalServerError") : script.poll();
            ExecutableHttpRequest request = mock(ExecutableHttpRequest.class);
            when(request.call()).thenAnswer(call -> next.respond());
            return request;
        });
    }

    @ParameterizedTest
    @CsvSource({
        "400, ProvisionedThroughputExceededException",
        "400, ThrottlingException",
        "500, InternalServerError",
    })
    void failureThatPersists_isRetriedThenReportedAsStoreUnavailable(int status, String errorType) {
        // The table's number of write shards is read first; then every attempt of the write fails.
        script.add(Answer.ok(METADATA));
        for (int i = 0; i < STANDARD_ATTEMPTS; i++) {
            script.add(Answer.error(status, errorType));
        }
        EventRecord event = event(key(uniqueDay(), "12:00:00.123").withId("persisting-failure"), "alice", "login");

        StoreUnavailableException error = assertThrows(StoreUnavailableException.class, () -> store.append(event));

        assertTrue(error.getMessage().contains(errorType), error.getMessage());
        verify(http, times(1 + STANDARD_ATTEMPTS)).prepareRequest(any());
    }

    @Test
    void throttlingThatPasses_isRetriedAndTheWriteSucceeds() {
        // The store first reads the table's number of write shards; then the write is throttled twice.
        script.add(Answer.ok(METADATA));
        script.add(Answer.error(400, "ProvisionedThroughputExceededException"));
        script.add(Answer.error(400, "ThrottlingException"));
        script.add(Answer.ok("{}"));
        EventRecord event = event(key(uniqueDay(), "12:00:00.123").withId("retried-write"), "alice", "login");

        assertEquals(AppendOutcome.CREATED, store.append(event).outcome());
        verify(http, times(4)).prepareRequest(any());
    }

    @Test
    void brokenConnections_areRetriedThenReportedAsStoreUnavailable() {
        for (int i = 0; i < STANDARD_ATTEMPTS; i++) {
            script.add(Answer.ioFailure());
        }

        assertThrows(
                StoreUnavailableException.class,
                () -> store.find(key(uniqueDay(), "12:00:00.123").withId("any")));
        verify(http, times(STANDARD_ATTEMPTS)).prepareRequest(any());
    }

    @Test
    void missingTable_isAConfigurationErrorWithoutRetries() {
        script.add(Answer.error(400, "ResourceNotFoundException"));

        StoreConfigurationException error = assertThrows(
                StoreConfigurationException.class,
                () -> store.find(key(uniqueDay(), "12:00:00.123").withId("any")));

        assertTrue(error.getMessage().contains("'events'"), error.getMessage());
        verify(http, times(1)).prepareRequest(any());
    }

    /** One scripted answer of the server. */
    private interface Answer {
        HttpExecuteResponse respond() throws IOException;

        static Answer ok(String json) {
            return () -> response(200, null, json);
        }

        static Answer error(int status, String errorType) {
            return () -> response(
                    status,
                    errorType,
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType + "\",\"message\":\"scripted "
                            + errorType + "\"}");
        }

        static Answer ioFailure() {
            return () -> {
                throw new IOException("connection reset (scripted)");
            };
        }

        private static HttpExecuteResponse response(int status, String errorType, String json) {
            SdkHttpResponse.Builder head = SdkHttpResponse.builder()
                    .statusCode(status)
                    .putHeader("Content-Type", "application/x-amz-json-1.0");
            if (errorType != null) {
                head.putHeader("x-amzn-ErrorType", errorType);
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            return HttpExecuteResponse.builder()
                    .response(head.putHeader("Content-Length", String.valueOf(body.length))
                            .build())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                    .build();
        }
    }
}
