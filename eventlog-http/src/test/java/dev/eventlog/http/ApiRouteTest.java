package dev.eventlog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The route table: matched as API Gateway matches, and written as a client sends it. */
class ApiRouteTest {

    @Test
    void eachRoute_isMatchedByMethodAndDecodedPath_withItsParameters() {
        assertEquals(Optional.of(new RouteMatch(ApiRoute.LIST_EVENTS, Map.of())), ApiRoute.match("GET", "/events"));
        assertEquals(Optional.of(new RouteMatch(ApiRoute.RECORD_EVENTS, Map.of())), ApiRoute.match("POST", "/events"));
        assertEquals(
                Optional.of(new RouteMatch(ApiRoute.LIST_DAY, Map.of("date", "2024-05-01"))),
                ApiRoute.match("GET", "/events/2024-05-01"));
        assertEquals(
                Optional.of(new RouteMatch(
                        ApiRoute.GET_EVENT, Map.of("date", "d", "time", "10:00:00.000", "eventId", "a+b%2e"))),
                ApiRoute.match("GET", "/events/d/10:00:00.000/a+b%2e"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "events", "/events/", "/events//x", "/EVENTS", "/events/a/b/c/d", "/other"})
    void pathsNoRouteHas_matchNothing_andHaveNoMethods(String path) {
        assertEquals(Optional.empty(), ApiRoute.match("GET", path));
        assertEquals(List.of(), ApiRoute.methodsAt(path));
    }

    @Test
    void aKnownPathWithAnotherMethod_matchesNothing_butSaysWhichMethodsItAnswers() {
        assertEquals(Optional.empty(), ApiRoute.match("DELETE", "/events"));
        assertEquals(List.of("GET", "POST"), ApiRoute.methodsAt("/events"));
        assertEquals(List.of("GET"), ApiRoute.methodsAt("/events/2024-05-01/10:00:00.000"));
    }

    @Test
    void routeKeys_nameTheRoutes() {
        assertEquals(Optional.of(ApiRoute.LIST_MILLISECOND), ApiRoute.byRouteKey("GET /events/{date}/{time}"));
        assertEquals(Optional.empty(), ApiRoute.byRouteKey("$default"));
        assertEquals(List.of("date", "time", "eventId"), ApiRoute.GET_EVENT.pathParameters());
    }

    @Test
    void aClientsPath_encodesEachValueAsOneSegment() {
        assertEquals(
                "/events/2024-05-01/10:00:00.000/order-42",
                ApiRoute.GET_EVENT.path("2024-05-01", "10:00:00.000", "order-42"));
        assertEquals("/events/a%2Fb%20c%2B%25", ApiRoute.LIST_DAY.path("a/b c+%"));
        assertEquals("/events/x/%2E%2E", ApiRoute.LIST_MILLISECOND.path("x", ".."));
        assertEquals("/events", ApiRoute.RECORD_EVENTS.path());
    }

    @Test
    void aPathWithTheWrongNumberOfValues_orAnEmptyOne_isNotWritten() {
        assertThrows(IllegalArgumentException.class, () -> ApiRoute.GET_EVENT.path("2024-05-01"));
        assertThrows(IllegalArgumentException.class, () -> ApiRoute.LIST_DAY.path(""));
    }
}
