package dev.eventlog.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.client.ScriptedApi.Reply;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.usecase.BatchResult;
import dev.eventlog.http.BatchJson;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the client answers each kind of failure: what it retries, how often, and what the caller is told. */
class HttpEventLogFailuresTest {

    private static final EventRecord EVENT =
            EventRecord.derived(EventTime.parse("2024-05-01", "10:00:00"), "alice", "login", Map.of());
    private static final Reply UNAVAILABLE = new Reply(
            503,
            Map.of("Content-Type", "application/problem+json", "Retry-After", "0"),
            "{\"type\":\"urn:eventlog:problem:store-unavailable\",\"title\":\"Store unavailable\",\"status\":503}");

    private static HttpEventLog client(ScriptedApi api) {
        return HttpEventLog.builder()
                .endpoint(api.endpoint())
                .maxAttempts(3)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .build();
    }

    private static Reply created(EventRecord event) {
        return Reply.json(201, BatchJson.write(new BatchResult(List.of(AppendResult.created(event)))));
    }

    @Test
    void anApiThatStaysUnavailable_isRetriedUpToTheLimit_thenUnavailable() throws Exception {
        try (ScriptedApi api = ScriptedApi.answering(UNAVAILABLE)) {
            StoreUnavailableException failure = assertThrows(
                    StoreUnavailableException.class, () -> client(api).append(EVENT));

            assertEquals(3, api.received().size());
            assertTrue(failure.getMessage().contains("after 3 attempts"), failure.getMessage());
            assertTrue(failure.getMessage().contains("HTTP 503"), failure.getMessage());
        }
    }

    @Test
    void aRetriedWrite_sendsTheSameEventEachTime_andSucceedsOnceTheApiRecovers() throws Exception {
        Reply throttled =
                new Reply(429, Map.of("Content-Type", "application/json"), "{\"message\":\"Too Many Requests\"}");
        try (ScriptedApi api = ScriptedApi.answering(UNAVAILABLE, throttled, created(EVENT))) {
            AppendResult result = client(api).append(EVENT);

            assertEquals(AppendOutcome.CREATED, result.outcome());
            assertEquals(3, api.received().size());
            for (ScriptedApi.Received request : api.received()) {
                assertArrayEquals(api.received().get(0).body(), request.body());
            }
        }
    }

    @Test
    void invalidInput_keepsTheApisFieldErrors_andIsNotRetried() throws Exception {
        Reply invalid = Reply.problem(
                400,
                "{\"type\":\"urn:eventlog:problem:invalid-input\",\"title\":\"Invalid input\",\"status\":400,"
                        + "\"detail\":\"1 field is invalid\",\"errors\":[{\"field\":\"[0].date\","
                        + "\"message\":\"is older than the retention period\"}]}");
        try (ScriptedApi api = ScriptedApi.answering(invalid)) {
            InvalidInputException failure =
                    assertThrows(InvalidInputException.class, () -> client(api).append(EVENT));

            assertEquals(List.of(new FieldError("[0].date", "is older than the retention period")), failure.errors());
            assertEquals(1, api.received().size());
        }
    }

    @Test
    void refusedCredentials_areAConfigurationError_andAreNotRetried() throws Exception {
        Reply forbidden = new Reply(
                403,
                Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "InvalidSignatureException"),
                "{\"message\":\"The request signature we calculated does not match the signature you provided.\"}");
        try (ScriptedApi api = ScriptedApi.answering(forbidden)) {
            StoreConfigurationException failure = assertThrows(
                    StoreConfigurationException.class, () -> client(api).append(EVENT));

            assertEquals(1, api.received().size());
            assertTrue(failure.getMessage().contains("InvalidSignatureException"), failure.getMessage());
            assertTrue(failure.getMessage().contains("signature we calculated"), failure.getMessage());
        }
    }

    @Test
    void aMissingEvent_isEmpty_butAnUnknownRouteIsAConfigurationError() throws Exception {
        Reply notFound = Reply.problem(
                404, "{\"type\":\"urn:eventlog:problem:not-found\",\"title\":\"Not found\",\"status\":404}");
        Reply noRoute = new Reply(404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
        EventKey key = EVENT.key();
        try (ScriptedApi api = ScriptedApi.answering(notFound, noRoute)) {
            HttpEventLog client = client(api);

            assertEquals(Optional.empty(), client.find(key));
            assertThrows(
                    StoreConfigurationException.class,
                    () -> client.query(EventQuery.of(new QueryScope.Day(LocalDate.of(2024, 5, 1))), Optional.empty()));
            assertEquals(2, api.received().size());
        }
    }

    @Test
    void aRetryAfterBeyondTheDeadline_endsTheCallAtOnce() throws Exception {
        Reply later = new Reply(503, Map.of("Retry-After", "3600"), "");
        try (ScriptedApi api = ScriptedApi.answering(later)) {
            HttpEventLog client = HttpEventLog.builder()
                    .endpoint(api.endpoint())
                    .deadline(Duration.ofSeconds(20))
                    .build();

            assertThrows(StoreUnavailableException.class, () -> client.append(EVENT));
            assertEquals(1, api.received().size());
        }
    }

    @Test
    void anApiThatCannotBeReached_isUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpEventLog client = HttpEventLog.builder()
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .maxAttempts(2)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(2))
                .build();

        assertThrows(StoreUnavailableException.class, () -> client.find(EVENT.key()));
    }

    @Test
    void anAnswerThatDoesNotMatchTheBatch_isAConfigurationError() throws Exception {
        EventRecord other = EventRecord.derived(EventTime.parse("2024-05-01", "11:00:00"), "bob", "login", Map.of());
        try (ScriptedApi api = ScriptedApi.answering(created(other))) {
            assertThrows(StoreConfigurationException.class, () -> client(api).append(EVENT));
        }
    }
}
