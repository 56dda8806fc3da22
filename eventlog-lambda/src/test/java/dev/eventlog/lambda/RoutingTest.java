package dev.eventlog.lambda;

import static dev.eventlog.lambda.HandlerFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which requests reach which use case: route keys, the catch-all route, 404, 405, and query parameter rules. */
class RoutingTest {

    private final HandlerFixture api = new HandlerFixture();

    @Test
    void defaultRoute_isRoutedByMethodAndPath() {
        api.given(event("2024-05-01", "14:19:00", "user-1", "login"));

        HttpReply reply = api.call(ApiEvents.load("default-route-get-event.json"));

        assertEquals(200, reply.status());
        assertEquals(
                "user-1", reply.items().get(0).getAsJsonObject().get("userId").getAsString());
    }

    @Test
    void defaultRoute_servesEveryRoute() {
        assertEquals(
                201,
                api.call(ApiEvents.viaDefaultRoute("POST", "/events", null, event("2024-05-01", "10:00:00", "u", "t")))
                        .status());
        assertEquals(
                1,
                api.call(ApiEvents.viaDefaultRoute("GET", "/events", "date=2024-05-01", null))
                        .body()
                        .get("Count")
                        .getAsInt());
        assertEquals(
                1,
                api.call(ApiEvents.viaDefaultRoute("GET", "/events/2024-05-01", null, null))
                        .body()
                        .get("Count")
                        .getAsInt());
        assertEquals(
                1,
                api.call(ApiEvents.viaDefaultRoute("GET", "/events/2024-05-01/10:00:00.000", null, null))
                        .body()
                        .get("Count")
                        .getAsInt());
        assertEquals(
                200,
                api.call(ApiEvents.viaDefaultRoute(
                                "GET", "/events/2024-05-01/10:00:00.000/e6ac332014c2feba", null, null))
                        .status());
    }

    @Test
    void defaultRouteOnANamedStage_ignoresTheStagePrefix() {
        var event = ApiEvents.viaDefaultRoute("GET", "/prod/events", null, null);
        event.getRequestContext().setStage("prod");

        assertEquals(200, api.call(event).status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/event",
                "/events/2024-05-01/10:00:00/extra",
                "/other/events",
                "/events//10:00:00",
                "/EVENTS",
                ""
            })
    void unknownPath_is404(String path) {
        HttpReply reply =
                api.call(ApiEvents.viaDefaultRoute("GET", path, null, null)).assertProblem(404);

        assertNull(reply.header("Allow"));
    }

    @ParameterizedTest
    @CsvSource({
        "DELETE, /events, 'GET, POST'",
        "PUT, /events, 'GET, POST'",
        "OPTIONS, /events, 'GET, POST'",
        "POST, /events/2024-05-01, GET",
        "DELETE, /events/2024-05-01/10:00:00.000, GET",
        "PATCH, /events/2024-05-01/10:00:00.000, GET"
    })
    void knownPathWithAnotherMethod_is405WithAllow(String method, String path, String allow) {
        HttpReply reply =
                api.call(ApiEvents.viaDefaultRoute(method, path, null, null)).assertProblem(405);

        assertEquals(allow, reply.header("Allow"));
    }

    @Test
    void unknownQueryParameter_isRefusedByName() {
        HttpReply reply = api.list("date=2024-05-01&user=u1&sort=asc").assertProblem(400);

        assertEquals(List.of("user", "sort"), reply.errorFields());
        assertTrue(reply.errorMessage("user").contains("userId"), "the message lists the parameters the route takes");
    }

    @Test
    void repeatedQueryParameter_joinedByCommas_isRefused() {
        HttpReply reply =
                api.call(ApiEvents.load("get-events-repeated-params.json")).assertProblem(400);

        assertEquals(List.of("userId"), reply.errorFields());
        assertTrue(reply.errorMessage("userId").contains("2 times"));
    }

    @Test
    void commaInsideOneValue_isAValueNotARepeat() {
        api.given("{\"date\":\"2024-05-01\",\"time\":\"10:00:00\",\"userId\":\"a,b\",\"eventType\":\"t\"}");

        assertEquals(
                1, api.list("date=2024-05-01&userId=a%2Cb").body().get("Count").getAsInt());
    }

    @Test
    void commaJoinedSingleValuedParameter_withoutRawQueryString_isRefused() {
        var event = ApiEvents.listEvents(null);
        event.setQueryStringParameters(Map.of("limit", "5,10"));

        HttpReply reply = api.call(event).assertProblem(400);

        assertTrue(reply.errorMessage("limit").contains("more than once"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"date=2024-05-01", "from=2024-05-01T00:00:00", "to=2024-05-02T00:00:00"})
    void rangeParametersOnDayRoute_areRefused(String query) {
        var event = ApiEvents.get("GET /events/{date}", "/events/2024-05-01", query, Map.of("date", "2024-05-01"));

        HttpReply reply = api.call(event).assertProblem(400);

        assertTrue(reply.errorFields().get(0).matches("date|from|to"));
    }

    @Test
    void queryParametersOnSingleEventRoute_areRefused() {
        var event = ApiEvents.get(
                "GET /events/{date}/{time}/{eventId}",
                "/events/2024-05-01/10:00:00/x",
                "limit=1",
                Map.of("date", "2024-05-01", "time", "10:00:00", "eventId", "x"));

        api.call(event).assertProblem(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"date=2024-05-01", "from=2024-05-01T00:00:00", "to=2024-05-02T00:00:00"})
    void rangeParametersOnMillisecondRoute_areRefused(String query) {
        var event = ApiEvents.get(
                "GET /events/{date}/{time}",
                "/events/2024-05-01/10:00:00",
                query,
                Map.of("date", "2024-05-01", "time", "10:00:00"));

        assertTrue(api.call(event).assertProblem(400).errorFields().get(0).matches("date|from|to"));
    }

    /** The HTTP API hands the path over decoded; a {@code %} left in it is text, and no date, time or id holds one. */
    @Test
    void percentSignsLeftInThePath_are400() {
        api.call(ApiEvents.viaDefaultRoute("GET", "/events/2024-05-01/10%3", null, null))
                .assertProblem(400);
        api.call(ApiEvents.viaDefaultRoute("GET", "/events/2024-05-01/%FF", null, null))
                .assertProblem(400);
    }

    @Test
    void eventWithNothingInIt_is404() {
        api.call(new com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent())
                .assertProblem(404);
    }

    @Test
    void nullEvent_is404() {
        HttpReply.of(api.handler.handleRequest(null, null)).assertProblem(404);
    }
}
