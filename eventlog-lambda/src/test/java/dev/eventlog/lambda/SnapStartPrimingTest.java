package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Priming exercises the POST and GET paths through the handler and changes nothing in the store. */
class SnapStartPrimingTest {

    @Test
    void priming_answersLikeTheApiAndLeavesTheStoreAsItWas() {
        HandlerFixture api = new HandlerFixture();
        api.given(HandlerFixture.event("2024-05-01", "10:00:00", "alice", "login"));
        JsonArray before = api.list("").items();

        List<Integer> statuses = SnapStartPriming.of(api.handler, api.store).prime();

        assertEquals(
                List.of(201, 200, 404, 200),
                statuses,
                "a would-be POST, an empty millisecond, a read of a missing event, a day read");
        assertEquals(before, api.list("").items());
        assertEquals(1, api.list("").items().size());
        assertEquals(0, api.list("date=" + SnapStartPriming.DATE).items().size());
    }

    @Test
    void priming_twice_stillWritesNothing() {
        HandlerFixture api = new HandlerFixture();
        SnapStartPriming priming = SnapStartPriming.of(api.handler, api.store);

        priming.prime();
        priming.prime();

        assertEquals(0, api.list("").items().size());
    }

    @Test
    void registering_returnsTheResourceOnAJvmWithoutCrac_andItPrimesThatHandlersStore() {
        HandlerFixture api = new HandlerFixture();
        SnapStartPriming registered = SnapStartPriming.register(api.handler, api.store);
        assertNotNull(registered);
        assertEquals(List.of(201, 200, 404, 200), registered.prime());
        assertEquals(0, api.list("").items().size(), "registered priming writes nothing either");
    }
}
