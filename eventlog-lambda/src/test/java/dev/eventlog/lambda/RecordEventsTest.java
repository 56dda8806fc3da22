package dev.eventlog.lambda;

import static dev.eventlog.lambda.HandlerFixture.USER_1_LOGIN_ID;
import static dev.eventlog.lambda.HandlerFixture.event;
import static dev.eventlog.lambda.HandlerFixture.eventWithId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.http.ApiProblem;
import dev.eventlog.http.RequestBody;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /events: single events and batches, idempotent retries, conflicts and every kind of bad body. */
class RecordEventsTest {

    private final HandlerFixture api = new HandlerFixture();

    @Test
    void newEvent_isCreatedWithLocationAndStoredForm() {
        HttpReply reply = api.call(ApiEvents.load("post-event-iam.json"));

        assertEquals(201, reply.status());
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals("/events/2024-05-01/14:19:00.000/075968f8574ff35e", reply.header("Location"));
        assertEquals(
                "{\"date\":\"2024-05-01\",\"time\":\"14:19:00.000\",\"eventId\":\"075968f8574ff35e\",\"userId\":\"user-1\",\"eventType\":\"login\"}",
                reply.body().toString());
    }

    @Test
    void base64EncodedBody_isDecoded() {
        HttpReply reply = api.call(ApiEvents.load("post-event-base64.json"));

        assertEquals(201, reply.status());
        assertEquals("14:20:00.250", reply.string("time"));
        assertEquals(
                "phone",
                reply.body().getAsJsonObject("attributes").get("device").getAsString());
    }

    @Test
    void sameEventAgain_isOkWithoutLocation() {
        api.call(ApiEvents.load("post-event-iam.json"));

        HttpReply again = api.call(ApiEvents.load("post-event-iam.json"));

        assertEquals(200, again.status());
        assertNull(again.header("Location"));
        assertEquals("user-1", again.string("userId"));
    }

    @Test
    void reusedIdWithOtherContent_isAConflictAndChangesNothing() {
        api.given(eventWithId("2024-05-01", "14:19:00.000", "order-42", "user-1", "login"));

        HttpReply conflict = api.post(eventWithId("2024-05-01", "14:19:00", "order-42", "user-9", "logout"))
                .assertProblem(409);

        assertTrue(conflict.string("detail").contains("eventId"), conflict.string("detail"));
        assertEquals(
                "user-1",
                api.store
                        .find(EventKey.parse("2024-05-01", "14:19:00", "order-42"))
                        .orElseThrow()
                        .userId());
    }

    @Test
    void otherEventInTheSameMillisecond_isCreatedBesideTheFirst() {
        api.given(event("2024-05-01", "14:19:00.000", "user-1", "login"));

        HttpReply second = api.post(event("2024-05-01", "14:19:00", "user-9", "logout"));

        assertEquals(201, second.status());
        assertEquals(
                2,
                api.call(ApiEvents.load("get-events-of-millisecond.json"))
                        .body()
                        .get("Count")
                        .getAsInt());
    }

    @Test
    void givenId_isKeptAndAReplayIsExisting() {
        String body = eventWithId("2024-05-01", "14:19:00", "order-42:v1", "user-1", "purchase");

        HttpReply created = api.post(body);

        assertEquals(201, created.status());
        assertEquals("order-42:v1", created.string("eventId"));
        assertEquals("/events/2024-05-01/14:19:00.000/order-42:v1", created.header("Location"));
        assertEquals(200, api.post(body).status());
    }

    @Test
    void pythonAndJavascriptTimestamps_nameTheSameEvent() {
        HttpReply python =
                api.post("{\"timestamp\":\"2024-06-01T18:30:00.123456+09:00\",\"userId\":\"u\",\"eventType\":\"t\"}");
        HttpReply javascript =
                api.post("{\"timestamp\":\"2024-06-01T09:30:00.123Z\",\"userId\":\"u\",\"eventType\":\"t\"}");

        assertEquals(201, python.status());
        assertEquals("2024-06-01", python.string("date"));
        assertEquals("09:30:00.123", python.string("time"));
        assertEquals(200, javascript.status(), "the same event: a safe retry");
    }

    @Test
    void timeWithNanoseconds_isKeptToTheMillisecond() {
        assertEquals(
                "10:00:00.123",
                api.post(event("2024-05-01", "10:00:00.123456789", "u", "t")).string("time"));
    }

    @Test
    void badIdentityFields_are400NamingEachField() {
        assertEquals(
                List.of("timestamp"),
                api.post("{\"date\":\"2024-06-01\",\"timestamp\":\"2024-06-01T09:30:00Z\","
                                + "\"userId\":\"u\",\"eventType\":\"t\"}")
                        .assertProblem(400)
                        .errorFields());
        assertEquals(
                List.of("timestamp"),
                api.post("{\"timestamp\":\"2024-06-01T09:30:00+24:00\",\"userId\":\"u\",\"eventType\":\"t\"}")
                        .assertProblem(400)
                        .errorFields());
        assertEquals(
                List.of("time"),
                api.post(event("2024-05-01", "10:00:00.1234567890", "u", "t"))
                        .assertProblem(400)
                        .errorFields());
        assertEquals(
                List.of("eventId"),
                api.post(eventWithId("2024-05-01", "10:00:00", "no spaces", "u", "t"))
                        .assertProblem(400)
                        .errorFields());
        assertEquals(
                List.of("eventId"),
                api.post(eventWithId("2024-05-01", "10:00:00", "x".repeat(65), "u", "t"))
                        .assertProblem(400)
                        .errorFields());
        assertEquals(0, api.list("").body().get("Count").getAsInt(), "nothing stored for a refused request");
    }

    @Test
    void eventWithoutDateAndTime_isStampedWithTheCurrentTime() {
        HttpReply reply = api.post("{\"userId\":\"u\",\"eventType\":\"click\"}");

        assertEquals(201, reply.status());
        assertEquals("2024-05-01", reply.string("date"));
        assertEquals("12:00:00.123", reply.string("time"));
        assertEquals("/events/2024-05-01/12:00:00.123/" + reply.string("eventId"), reply.header("Location"));
    }

    @Test
    void eventIdWithoutATime_isRefusedTwice_sayingWhyAndWhatToSend() {
        String withoutTime = "{\"eventId\":\"order-42\",\"userId\":\"u\",\"eventType\":\"purchase\"}";

        HttpReply first = api.post(withoutTime).assertProblem(400);
        HttpReply retry = api.post(withoutTime).assertProblem(400);

        assertEquals(List.of("eventId"), first.errorFields());
        assertEquals(first.body(), retry.body());
        String message = first.errorMessage("eventId");
        assertTrue(message.contains("second event") && message.contains("'timestamp'"), message);
        assertEquals(0, api.list("").body().get("Count").getAsInt(), "nothing stored");
    }

    @Test
    void anotherCallersDerivedId_isRefused_andTheirEventIsThenCreated() {
        HttpReply squat = api.post(eventWithId("2024-05-01", "14:19:00", USER_1_LOGIN_ID, "mallory", "spam"))
                .assertProblem(400);

        assertEquals(List.of("eventId"), squat.errorFields());
        assertTrue(squat.errorMessage("eventId").contains("16 lowercase hex digits"), squat.errorMessage("eventId"));
        assertEquals(201, api.call(ApiEvents.load("post-event-iam.json")).status());
    }

    @Test
    void anIdMadeOnlyOfDots_isRefused() {
        for (String dots : List.of(".", "..", "...")) {
            HttpReply reply = api.post(eventWithId("2024-05-01", "14:19:00", dots, "u", "t"))
                    .assertProblem(400);
            assertEquals(List.of("eventId"), reply.errorFields(), dots);
        }
    }

    @Test
    void twoStampedEventsInTheSameMillisecond_areTwoEventsWithDistinctIds() {
        HttpReply first = api.post("{\"userId\":\"u\",\"eventType\":\"click\"}");
        HttpReply second = api.post("{\"userId\":\"u\",\"eventType\":\"click\"}");

        assertEquals(first.string("time"), second.string("time"));
        assertFalse(first.string("eventId").equals(second.string("eventId")));
        assertEquals(201, second.status());
    }

    @Test
    void attributes_areStoredAndReturned() {
        HttpReply reply =
                api.post("{\"date\":\"2024-05-01\",\"time\":\"10:00:00\",\"userId\":\"u\",\"eventType\":\"t\","
                        + "\"attributes\":{\"b\":\"2\",\"a\":\"<1>&\"}}");

        assertEquals(201, reply.status());
        assertEquals(
                "{\"a\":\"<1>&\",\"b\":\"2\"}",
                reply.body().getAsJsonObject("attributes").toString());
    }

    @Test
    void nullFields_countAsAbsent() {
        HttpReply reply =
                api.post("{\"date\":null,\"time\":null,\"userId\":\"u\",\"eventType\":\"t\",\"attributes\":null}");

        assertEquals(201, reply.status());
        assertFalse(reply.body().has("attributes"));
    }

    @Test
    void batch_reportsEachOutcomeWithCounts() {
        HttpReply reply = api.call(ApiEvents.load("post-batch.json"));

        assertEquals(201, reply.status());
        assertNull(reply.header("Location"));
        JsonObject first = reply.body().getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals(0, first.get("index").getAsInt());
        assertEquals("created", first.get("outcome").getAsString());
        assertEquals("09:00:00.000", first.getAsJsonObject("event").get("time").getAsString());
        assertEquals(2, reply.body().get("created").getAsInt());
        assertEquals(0, reply.body().get("existing").getAsInt());
        assertEquals(0, reply.body().get("conflict").getAsInt());
    }

    @Test
    void batchRetriedWhole_isOkWithEveryEventExisting() {
        api.call(ApiEvents.load("post-batch.json"));

        HttpReply retry = api.call(ApiEvents.load("post-batch.json"));

        assertEquals(200, retry.status());
        assertEquals(2, retry.body().get("existing").getAsInt());
    }

    @Test
    void batchWithOneConflict_is409ButWritesTheOthers() {
        // Other content under the id the batch's first event derives: only a store written before client ids of the
        // derived form had to match their content can hold that, so it is put there directly.
        api.store.append(new EventRecord(
                EventKey.parse("2024-05-02", "09:00:00.000", USER_1_LOGIN_ID), "someone-else", "login"));

        HttpReply reply = api.call(ApiEvents.load("post-batch.json"));

        assertEquals(409, reply.status());
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals(
                "conflict",
                reply.body()
                        .getAsJsonArray("results")
                        .get(0)
                        .getAsJsonObject()
                        .get("outcome")
                        .getAsString());
        assertEquals(
                "created",
                reply.body()
                        .getAsJsonArray("results")
                        .get(1)
                        .getAsJsonObject()
                        .get("outcome")
                        .getAsString());
        assertEquals(1, reply.body().get("conflict").getAsInt());
        assertEquals(1, reply.body().get("created").getAsInt());
        // The store itself: the conflicting key keeps its first event, the other event is stored as sent.
        EventRecord kept = api.store
                .find(EventKey.parse("2024-05-02", "09:00:00.000", USER_1_LOGIN_ID))
                .orElseThrow();
        assertEquals("someone-else", kept.userId());
        String writtenId = reply.body()
                .getAsJsonArray("results")
                .get(1)
                .getAsJsonObject()
                .getAsJsonObject("event")
                .get("eventId")
                .getAsString();
        EventRecord written = api.store
                .find(EventKey.parse("2024-05-02", "09:05:00.000", writtenId))
                .orElseThrow();
        assertEquals("user-2", written.userId());
        assertEquals("purchase", written.eventType());
        assertEquals(java.util.Map.of("sku", "A-100"), written.attributes());
    }

    @Test
    void batchWithAnInvalidEvent_namesEachBadIndexAndWritesNothing() {
        HttpReply reply = api.post("[" + event("2024-05-03", "10:00:00", "u", "t") + ","
                        + event("2024-02-30", "10:00:00", "u", "t") + "," + "{\"userId\":\"u\"}]")
                .assertProblem(400);

        assertEquals(List.of("[1].date", "[2].eventType"), reply.errorFields());
        assertEquals(0, api.list("date=2024-05-03").body().get("Count").getAsInt());
    }

    @Test
    void emptyBatch_isRefused() {
        assertEquals(List.of("events"), api.post("[]").assertProblem(400).errorFields());
    }

    @Test
    void batchOfMoreThan25_isRefused() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 26; i++) {
            body.append(i == 0 ? "" : ",").append(event("2024-05-03", String.format("10:00:%02d", i), "u", "t"));
        }
        HttpReply reply = api.post(body.append("]").toString()).assertProblem(400);

        assertTrue(reply.errorMessage("events").contains("1 to 25"));
    }

    @Test
    void invalidFields_areEachNamed() {
        HttpReply reply = api.post(
                        "{\"date\":\"2024-13-01\",\"time\":\"25:00:00\",\"userId\":\"\",\"eventType\":\"t\"}")
                .assertProblem(400);

        assertEquals(List.of("date", "time", "userId"), reply.errorFields());
        assertEquals("urn:eventlog:problem:invalid-input", reply.string("type"));
    }

    @Test
    void onlyOneOfDateAndTime_isRefused() {
        assertEquals(
                List.of("time"),
                api.post("{\"date\":\"2024-05-01\",\"userId\":\"u\",\"eventType\":\"t\"}")
                        .assertProblem(400)
                        .errorFields());
    }

    @Test
    void unknownFields_areRejectedByName() {
        HttpReply reply = api.post("{\"userId\":\"u\",\"eventType\":\"t\",\"user\":\"x\",\"extra\":{\"a\":[1]}}")
                .assertProblem(400);

        assertEquals(List.of("user", "extra"), reply.errorFields());
        assertTrue(reply.errorMessage("user").contains("not a known field"));
    }

    @Test
    void wrongJsonTypes_areNamedWithTheTypeFound() {
        HttpReply reply = api.post(
                        "{\"date\":20240501,\"time\":true,\"userId\":[\"u\"],\"eventType\":{},\"attributes\":[]}")
                .assertProblem(400);

        assertEquals(List.of("date", "time", "userId", "eventType", "attributes"), reply.errorFields());
        assertEquals("must be a string (got a number)", reply.errorMessage("date"));
        assertEquals("must be a string (got a boolean)", reply.errorMessage("time"));
        assertEquals("must be an object of string values (got an array)", reply.errorMessage("attributes"));
    }

    @Test
    void nonStringAttributeValue_isNamed() {
        HttpReply reply = api.post(
                        "{\"userId\":\"u\",\"eventType\":\"t\",\"attributes\":{\"n\":1,\"ok\":\"y\",\"z\":null}}")
                .assertProblem(400);

        assertEquals(List.of("attributes.n", "attributes.z"), reply.errorFields());
    }

    @Test
    void duplicateKeys_areRejected() {
        HttpReply reply = api.post(
                        "{\"userId\":\"u\",\"eventType\":\"t\",\"userId\":\"v\",\"attributes\":{\"a\":\"1\",\"a\":\"2\"}}")
                .assertProblem(400);

        assertEquals(List.of("userId", "attributes.a"), reply.errorFields());
    }

    @Test
    void nonObjectInABatch_isNamedByIndex() {
        assertEquals(
                List.of("[1]"),
                api.post("[" + event("2024-05-03", "10:00:00", "u", "t") + ",42]")
                        .assertProblem(400)
                        .errorFields());
    }

    @Test
    void malformedJson_is400() {
        for (String body : List.of(
                "{",
                "{\"userId\":\"u\",}",
                "{'userId':'u'}",
                "{\"userId\":\"u\"} {}",
                "nul",
                "{\"a\" 1}",
                "\"\\u12\"")) {
            HttpReply reply = api.post(body).assertProblem(400);
            assertTrue(
                    reply.string("detail").contains("JSON")
                            || reply.string("detail").contains("event object"),
                    () -> body + " -> " + reply.body());
        }
    }

    @Test
    void topLevelScalar_is400() {
        for (String body : List.of("42", "\"event\"", "null", "true")) {
            api.post(body).assertProblem(400);
        }
    }

    @Test
    void missingOrBlankBody_is400() {
        api.post(null).assertProblem(400);
        api.post("  ").assertProblem(400);
    }

    @Test
    void deeplyNestedJson_is400NotAStackOverflow() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        assertTrue(api.post(deep).assertProblem(400).string("detail").contains("nested"));

        String deepField = "{\"userId\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}";
        api.post(deepField).assertProblem(400);
    }

    @Test
    void bodyOverOneMebibyte_is413() {
        String big = "{\"userId\":\"u\",\"eventType\":\"t\",\"attributes\":{\"a\":\""
                + "x".repeat(RequestBody.MAX_BYTES) + "\"}}";

        api.post(big).assertProblem(413);
    }

    @Test
    void bodyOverOneMebibyteInBase64_is413() {
        var event = ApiEvents.post(java.util.Base64.getEncoder().encodeToString(new byte[RequestBody.MAX_BYTES + 1]));
        event.setIsBase64Encoded(true);

        api.call(event).assertProblem(413);
    }

    @Test
    void bodyOfExactlyOneMebibyte_isRead() {
        String head = "{\"userId\":\"u\",\"eventType\":\"t\",\"attributes\":{\"a\":\"";
        String tail = "\"}}";
        String body = head + " ".repeat(0) + "x".repeat(RequestBody.MAX_BYTES - head.length() - tail.length()) + tail;

        HttpReply reply = api.post(body).assertProblem(400);

        assertEquals(List.of("attributes.a"), reply.errorFields());
    }

    @Test
    void invalidBase64_is400() {
        var event = ApiEvents.post("not base64!");
        event.setIsBase64Encoded(true);

        api.call(event).assertProblem(400);
    }

    @Test
    void base64BodyThatIsNotUtf8_is400() {
        var event = ApiEvents.post(java.util.Base64.getEncoder().encodeToString(new byte[] {'{', (byte) 0xC3, '}'}));
        event.setIsBase64Encoded(true);

        api.call(event).assertProblem(400);
    }

    @Test
    void missingContentType_isAccepted() {
        var event = ApiEvents.post(event("2024-05-01", "08:00:00", "u", "t"));
        event.getHeaders().remove("content-type");

        assertEquals(201, api.call(event).status());
    }

    @Test
    void controlCharactersInValues_areRefused() {
        assertEquals(
                List.of("userId"),
                api.post("{\"userId\":\"a\\u0000b\",\"eventType\":\"t\"}")
                        .assertProblem(400)
                        .errorFields());
    }

    @Test
    void queryParametersOnPost_areRefused() {
        var event = ApiEvents.withQuery(ApiEvents.post(event("2024-05-01", "08:00:00", "u", "t")), "dryRun=true");

        assertEquals(List.of("dryRun"), api.call(event).assertProblem(400).errorFields());
    }

    @Test
    void thousandsOfUnknownFields_areListedUpToAHundredInASmallAnswer() {
        StringBuilder body = new StringBuilder("{\"userId\":\"u\",\"eventType\":\"t\"");
        for (int i = 0; i < 20_000; i++) {
            body.append(",\"field").append(i).append("\":0");
        }
        var response = api.handler.handleRequest(ApiEvents.post(body.append('}').toString()), null);

        HttpReply reply = HttpReply.of(response).assertProblem(400);
        assertEquals(ApiProblem.MAX_LISTED_ERRORS, reply.errorFields().size());
        assertTrue(reply.string("detail").startsWith("20000 fields are invalid"));
        assertTrue(response.getBody().length() < 32 * 1024);
    }
}
