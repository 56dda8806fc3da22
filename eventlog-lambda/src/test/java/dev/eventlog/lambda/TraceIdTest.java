package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** The access log carries the invocation's trace id, read as Lambda's Java runtime provides it. */
class TraceIdTest {

    private static final String HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    @Test
    void rootOfTheHeader_isTheTraceId() {
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", TraceId.of(HEADER, null));
    }

    @Test
    void perInvocationProperty_winsOverTheVariableSetAtStart() {
        assertEquals(
                "1-aaaaaaaa-aaaaaaaaaaaaaaaaaaaaaaaa",
                TraceId.of("Root=1-aaaaaaaa-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=0", HEADER));
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", TraceId.of(null, HEADER));
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", TraceId.of(" ", HEADER));
    }

    @Test
    void noHeader_noTraceId_andAHeaderWithoutRootIsKeptWhole() {
        assertNull(TraceId.of(null, null));
        assertNull(TraceId.of("", ""));
        assertEquals("Parent=53995c3f42cd8ad8", TraceId.of("Parent=53995c3f42cd8ad8", null));
    }

    @Test
    void accessLogLine_carriesTheTraceId_whenTheRuntimeSetsIt() {
        HandlerFixture api = new HandlerFixture();
        String previous = System.getProperty(TraceId.PROPERTY);
        System.setProperty(TraceId.PROPERTY, HEADER);
        try {
            api.list("date=2024-05-01");
        } finally {
            if (previous == null) {
                System.clearProperty(TraceId.PROPERTY);
            } else {
                System.setProperty(TraceId.PROPERTY, previous);
            }
        }
        api.list("date=2024-05-01");

        JsonObject traced = api.logLines().get(0);
        assertEquals(
                "1-5759e988-bd862e3fe1be46a994272793", traced.get("traceId").getAsString());
        assertFalse(api.logLines().get(1).has("traceId"), "no trace id when tracing gives none");
    }
}
