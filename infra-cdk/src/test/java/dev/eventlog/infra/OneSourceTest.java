package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventlog.lambda.ApiRoute;
import dev.eventlog.local.AccessLogEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Facts that live in more than one place because each place must state them (the deployed stage and the local
 * gateway), held equal to their source so that the copies cannot drift apart.
 */
class OneSourceTest {

    @Test
    void theApiRoutes_areTheHandlersRouteTable() {
        Set<String> handler =
                Arrays.stream(ApiRoute.values()).map(ApiRoute::routeKey).collect(Collectors.toSet());
        Set<String> deployed = Route.ALL.stream().map(Route::routeKey).collect(Collectors.toSet());

        assertEquals(handler, deployed);
        assertEquals(Route.ALL.size(), deployed.size(), "no route twice");
    }

    @Test
    void theStageAccessLogFields_areTheLocalGatewaysFields_inTheSameOrder() {
        AccessLogEntry entry = new AccessLogEntry(
                "r", "127.0.0.1", "t", "GET", "GET /events", 200, "HTTP/1.1", 0, null, null, null, null, null, null);

        assertEquals(List.copyOf(entry.fields().keySet()), List.copyOf(AccessLogFields.FIELDS.keySet()));
    }
}
