package dev.eventlog.lambda;

import static dev.eventlog.lambda.HandlerFixture.event;
import static dev.eventlog.lambda.HandlerFixture.eventWithId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /events, GET /events/{date} and GET /events/{date}/{time}: pages, filters, order, tokens, single events. */
class ReadEventsTest {

    private final HandlerFixture api = new HandlerFixture();

    @BeforeEach
    void someEvents() {
        api.given(
                event("2024-04-30", "23:59:59.999", "user-1", "login"),
                event("2024-05-01", "14:19:00.000", "user-1", "login"),
                event("2024-05-01", "09:00:00.000", "user-2", "purchase"),
                event("2024-05-01", "18:30:00.000", "user-1", "logout"),
                event("2024-05-02", "00:00:00.000", "user-2", "login"));
    }

    @Test
    void listByDate_returnsThatDayInTimeOrder() {
        HttpReply reply = api.call(ApiEvents.load("get-events-by-date.json"));

        assertEquals(200, reply.status());
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals(List.of("09:00:00.000", "14:19:00.000", "18:30:00.000"), times(reply));
        assertEquals(3, reply.body().get("Count").getAsInt());
        assertFalse(reply.body().has("NextToken"));
    }

    @Test
    void listOfDayRoute_isTheSameAsTheDateParameter() {
        HttpReply reply = api.call(ApiEvents.load("get-events-of-day.json"));

        assertEquals(200, reply.status());
        assertEquals(List.of("09:00:00.000", "14:19:00.000", "18:30:00.000"), times(reply));
    }

    @Test
    void listWithoutParameters_returnsEveryEvent() {
        HttpReply reply = api.call(ApiEvents.load("get-events.json"));

        assertEquals(5, reply.body().get("Count").getAsInt());
        assertEquals(5, reply.items().size());
    }

    @Test
    void range_isFromInclusiveToExclusive() {
        HttpReply reply = api.list("from=2024-05-01T09:00:00.000&to=2024-05-01T18:30:00.000");

        assertEquals(List.of("09:00:00.000", "14:19:00.000"), times(reply));
    }

    @Test
    void range_crossesDays() {
        assertEquals(
                List.of("23:59:59.999", "09:00:00.000", "14:19:00.000", "18:30:00.000"),
                times(api.list("from=2024-04-30T12:00:00&to=2024-05-02T00:00:00.000")));
    }

    @Test
    void filters_narrowTheList() {
        assertEquals(List.of("14:19:00.000", "18:30:00.000"), times(api.list("date=2024-05-01&userId=user-1")));
        assertEquals(List.of("18:30:00.000"), times(api.list("date=2024-05-01&userId=user-1&eventType=logout")));
        assertEquals(
                2, api.list("eventType=login&userId=user-1").body().get("Count").getAsInt());
    }

    @Test
    void descendingOrder_isNewestFirst() {
        assertEquals(
                List.of("18:30:00.000", "14:19:00.000", "09:00:00.000"), times(api.list("date=2024-05-01&order=desc")));
    }

    @Test
    void pages_followNextTokenUntilNoneRemains() {
        List<String> seen = new ArrayList<>();
        String query = "date=2024-05-01&limit=2";
        HttpReply page = api.list(query);
        seen.addAll(times(page));
        assertEquals(2, page.body().get("Count").getAsInt());
        assertTrue(page.body().has("NextToken"));

        page = api.list(query + "&nextToken=" + page.string("NextToken"));
        seen.addAll(times(page));

        assertFalse(page.body().has("NextToken"));
        assertEquals(List.of("09:00:00.000", "14:19:00.000", "18:30:00.000"), seen);
    }

    @Test
    void nextTokenOfDayRoute_continuesThatDay() {
        HttpReply first = api.call(
                ApiEvents.get("GET /events/{date}", "/events/2024-05-01", "limit=1", Map.of("date", "2024-05-01")));

        HttpReply second = api.call(ApiEvents.get(
                "GET /events/{date}",
                "/events/2024-05-01",
                "limit=5&nextToken=" + first.string("NextToken"),
                Map.of("date", "2024-05-01")));

        assertEquals(List.of("14:19:00.000", "18:30:00.000"), times(second));
    }

    @Test
    void tamperedNextToken_isRefused() {
        String token = api.list("date=2024-05-01&limit=1").string("NextToken");
        String tampered = (token.charAt(3) == 'A' ? "B" : "A");
        tampered = token.substring(0, 3) + tampered + token.substring(4);

        assertEquals(
                List.of("nextToken"),
                api.list("date=2024-05-01&limit=1&nextToken=" + tampered)
                        .assertProblem(400)
                        .errorFields());
    }

    @Test
    void nextTokenReusedWithOtherFilters_isRefused() {
        String token = api.list("date=2024-05-01&limit=1").string("NextToken");

        HttpReply reply = api.list("date=2024-05-01&userId=user-2&limit=1&nextToken=" + token)
                .assertProblem(400);

        assertTrue(reply.errorMessage("nextToken").contains("another query"));
    }

    @Test
    void badQueryValues_areEachNamed() {
        HttpReply reply = api.list("date=2024-02-30&limit=0&order=up").assertProblem(400);

        assertEquals(List.of("date", "order", "limit"), reply.errorFields());
    }

    @Test
    void rangeOfMoreThan366Days_isRefused() {
        api.list("from=2023-01-01T00:00:00.000&to=2024-05-01T00:00:00.000").assertProblem(400);
    }

    @Test
    void dateWithRange_isRefused() {
        api.list("date=2024-05-01&from=2024-05-01T00:00:00.000&to=2024-05-02T00:00:00.000")
                .assertProblem(400);
    }

    @Test
    void limitOutOfRange_isRefused() {
        api.list("limit=1001").assertProblem(400);
        api.list("limit=-1").assertProblem(400);
        api.list("limit=abc").assertProblem(400);
    }

    @Test
    void oneEvent_isReturnedFromEncodedPathParameters() {
        HttpReply reply = api.call(ApiEvents.load("get-event.json"));

        assertEquals(200, reply.status());
        assertEquals(
                "{\"date\":\"2024-05-01\",\"time\":\"14:19:00.000\",\"eventId\":\"075968f8574ff35e\",\"userId\":\"user-1\",\"eventType\":\"login\"}",
                reply.body().toString());
    }

    @Test
    void oneEvent_isFoundByTimeWithoutMilliseconds() {
        HttpReply reply = api.call(ApiEvents.get(
                "GET /events/{date}/{time}/{eventId}",
                "/events/2024-05-01/14:19:00/075968f8574ff35e",
                null,
                Map.of("date", "2024-05-01", "time", "14:19:00", "eventId", "075968f8574ff35e")));

        assertEquals("user-1", reply.string("userId"));
    }

    @Test
    void eventsOfOneMillisecond_areListedAsAPageInIdOrder() {
        api.given(
                eventWithId("2024-05-01", "14:19:00.000", "zz-last", "user-3", "view"),
                eventWithId("2024-05-01", "14:19:00.000", "00-first", "user-2", "view"),
                event("2024-05-01", "14:19:00.001", "user-4", "view"));

        HttpReply all = api.call(ApiEvents.load("get-events-of-millisecond.json"));
        HttpReply newestFirstInPages = api.call(ApiEvents.get(
                "GET /events/{date}/{time}",
                "/events/2024-05-01/14:19:00",
                "order=desc&limit=2",
                Map.of("date", "2024-05-01", "time", "14:19:00")));

        assertEquals(200, all.status());
        assertEquals(List.of("00-first", "075968f8574ff35e", "zz-last"), ids(all));
        assertEquals(List.of("zz-last", "075968f8574ff35e"), ids(newestFirstInPages));
        assertTrue(newestFirstInPages.body().has("NextToken"));
    }

    @Test
    void emptyMillisecond_isAnEmptyPage() {
        HttpReply reply = api.call(ApiEvents.get(
                "GET /events/{date}/{time}",
                "/events/2024-05-01/14:19:00.001",
                null,
                Map.of("date", "2024-05-01", "time", "14:19:00.001")));

        assertEquals(200, reply.status());
        assertEquals(0, reply.body().get("Count").getAsInt());
    }

    @Test
    void unknownEvent_is404() {
        HttpReply reply = api.call(ApiEvents.get(
                        "GET /events/{date}/{time}/{eventId}",
                        "/events/2024-05-01/14:19:00.000/other",
                        null,
                        Map.of("date", "2024-05-01", "time", "14:19:00.000", "eventId", "other")))
                .assertProblem(404);

        assertEquals("urn:eventlog:problem:not-found", reply.string("type"));
    }

    @Test
    void invalidKeyInPath_is400NamingIt() {
        HttpReply reply = api.call(ApiEvents.get(
                        "GET /events/{date}/{time}/{eventId}",
                        "/events/2024-5-1/noon/a%20b",
                        null,
                        Map.of("date", "2024-5-1", "time", "noon", "eventId", "a%20b")))
                .assertProblem(400);

        assertEquals(List.of("date", "time", "eventId"), reply.errorFields());
    }

    @Test
    void invalidDateInDayRoute_is400() {
        assertEquals(
                List.of("date"),
                api.call(ApiEvents.get("GET /events/{date}", "/events/yesterday", null, Map.of("date", "yesterday")))
                        .assertProblem(400)
                        .errorFields());
    }

    private static List<String> ids(HttpReply reply) {
        List<String> ids = new ArrayList<>();
        for (JsonElement item : reply.items()) {
            ids.add(item.getAsJsonObject().get("eventId").getAsString());
        }
        return ids;
    }

    private static List<String> times(HttpReply reply) {
        List<String> times = new ArrayList<>();
        for (JsonElement item : reply.items()) {
            times.add(item.getAsJsonObject().get("time").getAsString());
        }
        return times;
    }
}
