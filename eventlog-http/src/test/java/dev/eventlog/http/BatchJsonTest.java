package dev.eventlog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.usecase.BatchResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch's outcomes, as a client reads them: in request order, with counts that agree. */
class BatchJsonTest {

    private static final EventRecord EVENT = Events.event("2024-05-01", "10:00:00", "e", "u", "t");
    private static final String EVENT_JSON = EventJson.write(EVENT);

    private static List<String> fieldsRefusedIn(String json) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> BatchJson.read(json));
        return refused.errors().stream().map(FieldError::field).toList();
    }

    private static String result(int index, String outcome) {
        return "{\"index\":" + index + ",\"outcome\":\"" + outcome + "\",\"event\":" + EVENT_JSON + "}";
    }

    @Test
    void outcomesAndCounts_areWrittenInRequestOrder() {
        BatchResult batch = new BatchResult(List.of(AppendResult.created(EVENT), AppendResult.conflict(EVENT)));

        assertEquals(
                "{\"results\":[" + result(0, "created") + "," + result(1, "conflict")
                        + "],\"created\":1,\"existing\":0,\"conflict\":1}",
                BatchJson.write(batch));
        assertEquals(
                AppendOutcome.CONFLICT, BatchJson.read(BatchJson.write(batch)).overall());
    }

    @Test
    void anUnknownOutcome_aWrongIndex_orACountThatDisagrees_isRefused() {
        assertEquals(
                List.of("results[0].outcome"),
                fieldsRefusedIn("{\"results\":[" + result(0, "stored") + "],\"created\":0,\"existing\":0,"
                        + "\"conflict\":0}"));
        assertEquals(
                List.of("results[0].index"),
                fieldsRefusedIn("{\"results\":[" + result(1, "created") + "],\"created\":1,\"existing\":0,"
                        + "\"conflict\":0}"));
        assertEquals(
                List.of("created"),
                fieldsRefusedIn("{\"results\":[" + result(0, "created") + "],\"created\":2,\"existing\":0,"
                        + "\"conflict\":0}"));
        assertEquals(
                List.of("existing", "conflict"),
                fieldsRefusedIn("{\"results\":[" + result(0, "created") + "],\"created\":1}"));
    }
}
