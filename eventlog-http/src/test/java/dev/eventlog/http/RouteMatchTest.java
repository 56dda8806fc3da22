package dev.eventlog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the function resolves a request: by the gateway's route key, or by method and path behind a catch-all. */
class RouteMatchTest {

    @Test
    void aRouteKeyWithItsParameters_isTakenAsHandedOver() {
        RouteMatch match = RouteMatch.resolve(
                "GET /events/{date}", "GET", "/ignored", Map.of("date", "2024%2D05%2D01", "other", "x"));

        assertEquals(new RouteMatch(ApiRoute.LIST_DAY, Map.of("date", "2024%2D05%2D01")), match);
    }

    @Test
    void aCatchAllRoute_isResolvedByMethodAndPath() {
        assertEquals(
                new RouteMatch(ApiRoute.LIST_MILLISECOND, Map.of("date", "d", "time", "t")),
                RouteMatch.resolve("$default", "GET", "/events/d/t", null));
        assertEquals(
                new RouteMatch(ApiRoute.LIST_DAY, Map.of("date", "d")),
                RouteMatch.resolve("GET /events/{date}/{time}", "GET", "/events/d", Map.of("date", "d")));
    }

    @Test
    void anUnknownPath_is404NamingThePathsServed() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> RouteMatch.resolve(null, "GET", "/nothing", null));

        assertEquals(ProblemType.NOT_FOUND, problem.type());
        assertEquals(
                "no resource at this path; the API serves /events, /events/{date}, /events/{date}/{time} and"
                        + " /events/{date}/{time}/{eventId}",
                problem.getMessage());
    }

    @Test
    void aKnownPathWithAnotherMethod_is405WithAllow() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> RouteMatch.resolve(null, "PUT", "/events", null));

        assertEquals(ProblemType.METHOD_NOT_ALLOWED, problem.type());
        assertEquals("this path answers only GET and POST, not PUT", problem.getMessage());
        assertEquals(Map.of("Allow", "GET, POST"), problem.headers());
    }
}
