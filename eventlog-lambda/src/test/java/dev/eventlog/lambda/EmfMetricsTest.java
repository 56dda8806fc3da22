package dev.eventlog.lambda;

import static dev.eventlog.lambda.EmfSpecification.value;
import static dev.eventlog.lambda.HandlerFixture.event;
import static dev.eventlog.lambda.HandlerFixture.eventWithId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.core.domain.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each invocation writes one EMF line whose metrics say what it did, valid by CloudWatch's specification. */
class EmfMetricsTest {

    private final HandlerFixture api = new HandlerFixture();

    private static final Set<String> COUNTS = Set.of(
            "EventsCreated:Count",
            "EventsExisting:Count",
            "EventsConflicting:Count",
            "RequestsRefused:Count",
            "StoreUnavailable:Count",
            "ServerErrors:Count",
            "ColdStart:Count");

    private JsonObject metricsOf(HttpReply ignored) {
        JsonObject document = api.lastMetrics();
        EmfSpecification.assertValid(document);
        EmfSpecification.assertEqualsNamespaceAndDimensions(document);
        return document;
    }

    private static void assertCounts(
            JsonObject document,
            int created,
            int existing,
            int conflicting,
            int refused,
            int unavailable,
            int serverErrors) {
        assertEquals(
                List.of(created, existing, conflicting, refused, unavailable, serverErrors),
                List.of(
                                "EventsCreated",
                                "EventsExisting",
                                "EventsConflicting",
                                "RequestsRefused",
                                "StoreUnavailable",
                                "ServerErrors")
                        .stream()
                        .map(name -> (int) value(document, name))
                        .toList(),
                document::toString);
    }

    @Test
    void everyInvocation_writesExactlyOneEmfLine_besideItsAccessLogLine() {
        api.post(event("2024-05-01", "10:00:00", "alice", "login"));
        api.list("date=2024-05-01");
        api.call(ApiEvents.viaDefaultRoute("GET", "/nowhere", "", null));

        assertEquals(3, api.metricLines().size());
        assertEquals(3, api.logLines().size());
        api.metricLines().forEach(EmfSpecification::assertValid);
    }

    @Test
    void createdEvent_countsCreated_underItsRoute() {
        JsonObject metrics = metricsOf(api.post(event("2024-05-01", "10:00:00", "alice", "login")));

        assertEquals("POST /events", metrics.get("Route").getAsString());
        assertCounts(metrics, 1, 0, 0, 0, 0, 0);
        assertEquals(COUNTS, EmfSpecification.definitions(metrics));
        assertFalse(metrics.has("PageItems"));
    }

    @Test
    void coldStart_isOneOnTheFirstInvocationOnly() {
        api.post(event("2024-05-01", "10:00:00", "alice", "login"));
        api.post(event("2024-05-01", "10:00:01", "alice", "login"));

        assertEquals(1, value(api.metricLines().get(0), "ColdStart"));
        assertEquals(0, value(api.metricLines().get(1), "ColdStart"));
    }

    @Test
    void retry_countsExisting() {
        api.post(event("2024-05-01", "10:00:00", "alice", "login"));
        assertCounts(metricsOf(api.post(event("2024-05-01", "10:00:00", "alice", "login"))), 0, 1, 0, 0, 0, 0);
    }

    @Test
    void conflict_countsConflictingAndRefused() {
        api.post(eventWithId("2024-05-01", "10:00:00", "id-1", "alice", "login"));
        assertCounts(
                metricsOf(api.post(eventWithId("2024-05-01", "10:00:00", "id-1", "bob", "login"))
                        .assertProblem(409)),
                0,
                0,
                1,
                1,
                0,
                0);
    }

    @Test
    void batch_countsEachOutcome() {
        api.post(eventWithId("2024-05-01", "10:00:00", "id-1", "alice", "login"));
        api.post(eventWithId("2024-05-01", "10:00:01", "id-2", "alice", "login"));
        String batch = "[" + eventWithId("2024-05-01", "10:00:00", "id-1", "alice", "login") + ","
                + eventWithId("2024-05-01", "10:00:01", "id-2", "bob", "login") + ","
                + event("2024-05-01", "10:00:02", "carol", "login") + ","
                + event("2024-05-01", "10:00:03", "dave", "login") + "]";

        assertCounts(metricsOf(api.post(batch)), 2, 1, 1, 1, 0, 0);
    }

    @Test
    void invalidInput_countsRefused_andNoEvents() {
        assertCounts(metricsOf(api.post("{\"userId\":\"\"}").assertProblem(400)), 0, 0, 0, 1, 0, 0);
    }

    @Test
    void pageRead_countsItsItems_underTheRouteItMatched() {
        api.given(event("2024-05-01", "10:00:00", "alice", "login"), event("2024-05-01", "11:00:00", "bob", "login"));

        JsonObject metrics = metricsOf(api.list("date=2024-05-01"));

        assertEquals("GET /events", metrics.get("Route").getAsString());
        assertEquals(2, value(metrics, "PageItems"));
        assertCounts(metrics, 0, 0, 0, 0, 0, 0);

        JsonObject viaDefault = metricsOf(api.call(ApiEvents.viaDefaultRoute("GET", "/events/2024-05-01", "", null)));
        assertEquals("GET /events/{date}", viaDefault.get("Route").getAsString());
        assertEquals(2, value(viaDefault, "PageItems"));
    }

    @Test
    void missingEvent_countsRefused_andIsNoPage() {
        JsonObject metrics =
                metricsOf(api.call(ApiEvents.viaDefaultRoute("GET", "/events/2024-05-01/10:00:00.000/none", "", null)));

        assertCounts(metrics, 0, 0, 0, 1, 0, 0);
        assertFalse(metrics.has("PageItems"));
    }

    @Test
    void unavailableStore_countsStoreUnavailable() {
        HandlerFixture broken =
                new HandlerFixture(new BrokenStore(() -> new StoreUnavailableException("throttled", null)));
        broken.post(event("2024-05-01", "10:00:00", "alice", "login")).assertProblem(503);

        JsonObject metrics = broken.lastMetrics();
        EmfSpecification.assertValid(metrics);
        assertCounts(metrics, 0, 0, 0, 0, 1, 0);
    }

    @Test
    void faultInTheFunction_countsServerErrors() {
        HandlerFixture broken = new HandlerFixture(new BrokenStore(() -> new IllegalStateException("bug")));
        broken.post(event("2024-05-01", "10:00:00", "alice", "login")).assertProblem(500);

        assertCounts(broken.lastMetrics(), 0, 0, 0, 0, 0, 1);
    }

    @Test
    void specificationCheck_rejectsWhatCloudWatchWouldReject() {
        JsonObject valid = JsonParser.parseString(EmbeddedMetricDocument.of(
                        1_717_000_000_000L,
                        "EventLog",
                        Map.of("Route", "GET /events"),
                        List.of(List.of("Route"), List.of()),
                        List.of(new EmbeddedMetricDocument.Metric("PageItems", "Count", 3))))
                .getAsJsonObject();
        EmfSpecification.assertValid(valid);

        JsonObject seconds = valid.deepCopy();
        seconds.getAsJsonObject("_aws").addProperty("Timestamp", 1_717_000_000L);
        JsonObject noValue = valid.deepCopy();
        noValue.remove("PageItems");
        JsonObject textValue = valid.deepCopy();
        textValue.addProperty("PageItems", "3");
        JsonObject noDimensionValue = valid.deepCopy();
        noDimensionValue.remove("Route");
        JsonObject badUnit = JsonParser.parseString(valid.toString().replace("\"Count\"", "\"Items\""))
                .getAsJsonObject();
        for (JsonObject invalid : List.of(seconds, noValue, textValue, noDimensionValue, badUnit)) {
            assertThrows(AssertionError.class, () -> EmfSpecification.assertValid(invalid), invalid::toString);
        }
    }
}
