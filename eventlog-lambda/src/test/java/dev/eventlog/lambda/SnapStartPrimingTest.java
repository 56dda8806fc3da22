package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Priming runs a real POST and GET through the handler against a key in 1970; running it again is harmless. */
class SnapStartPrimingTest {

    @Test
    void priming_recordsAndReadsItsOwnEventAndIsHarmlessWhenRepeated() throws Exception {
        HandlerFixture api = new HandlerFixture();
        SnapStartPriming priming = primingFor(api.handler);

        assertArrayEquals(new int[] {201, 200}, priming.prime());
        assertArrayEquals(new int[] {200, 200}, priming.prime());

        HttpReply stored = api.call(ApiEvents.get("GET /events/{date}/{time}", "/events/1970-01-01/00:00:00.000", null,
                Map.of("date", SnapStartPriming.DATE, "time", SnapStartPriming.TIME)));
        assertEquals("snapstart-priming", stored.items().get(0).getAsJsonObject().get("eventType").getAsString());
        assertEquals(1, api.list("date=1970-01-01").body().get("Count").getAsInt(), "one event, however often primed");
    }

    @Test
    void registering_isHarmlessOnAJvmWithoutCrac() {
        SnapStartPriming.register(new HandlerFixture().handler);
    }

    private static SnapStartPriming primingFor(EventLogHandler handler) {
        return SnapStartPriming.register(handler);
    }
}
