package dev.eventlog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An event's JSON, as the API returns it and an export line holds it, read back strictly. */
class EventJsonTest {

    private static List<String> fieldsRefusedIn(String json) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> EventJson.read(json));
        return refused.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void anEvent_isOneLineInFieldOrder_withAttributesOnlyWhenItHasSome() {
        assertEquals(
                "{\"date\":\"2024-05-01\",\"time\":\"14:19:00.000\",\"eventId\":\"e-1\",\"userId\":\"u\","
                        + "\"eventType\":\"login\"}",
                EventJson.write(Events.event("2024-05-01", "14:19:00", "e-1", "u", "login")));
        assertEquals(
                "{\"date\":\"2024-05-01\",\"time\":\"14:19:00.000\",\"eventId\":\"e-1\",\"userId\":\"<u>\","
                        + "\"eventType\":\"login\",\"attributes\":{\"a\":\"1\",\"b\":\"\\\"\"}}",
                EventJson.write(
                        Events.event("2024-05-01", "14:19:00", "e-1", "<u>", "login", Map.of("b", "\"", "a", "1"))));
    }

    @Test
    void aBatchBody_isAnArrayOfEvents() {
        EventRecord one = Events.event("2024-05-01", "14:19:00", "e-1", "u", "login");

        assertEquals(
                "[" + EventJson.write(one) + "," + EventJson.write(one) + "]", EventJson.writeAll(List.of(one, one)));
    }

    @Test
    void everyProblemOfALine_isNamedAtOnce_structureFirst() {
        assertEquals(
                List.of("extra", "userId", "date", "eventId"),
                fieldsRefusedIn("{\"extra\":1,\"date\":\"2024-02-30\",\"time\":\"10:00:00\",\"userId\":7,"
                        + "\"eventType\":\"t\"}"));
    }

    @Test
    void aTimestamp_isNotPartOfAStoredEvent() {
        assertEquals(
                List.of("timestamp", "date", "time"),
                fieldsRefusedIn("{\"timestamp\":\"2024-05-01T10:00:00Z\",\"eventId\":\"e\",\"userId\":\"u\","
                        + "\"eventType\":\"t\"}"));
    }

    @Test
    void repeatedFieldsAndBadAttributes_areRefusedByName() {
        assertEquals(
                List.of("userId", "attributes.n"),
                fieldsRefusedIn("{\"date\":\"2024-05-01\",\"time\":\"10:00:00.000\",\"eventId\":\"e\",\"userId\":\"u\","
                        + "\"userId\":\"v\",\"eventType\":\"t\",\"attributes\":{\"n\":1}}"));
    }

    @Test
    void textThatIsNotOneEventObject_isRefusedAsAWhole() {
        assertEquals(List.of("event"), fieldsRefusedIn("[]"));
        assertEquals(List.of("event"), fieldsRefusedIn(""));
        assertEquals(List.of("event"), fieldsRefusedIn("{\"date\":"));
        assertEquals(List.of("event"), fieldsRefusedIn("{} {}"));
        InvalidInputException malformed =
                assertThrows(InvalidInputException.class, () -> EventJson.read("{'date':'2024-05-01'}"));
        assertTrue(malformed.getMessage().contains("is not valid JSON"), malformed.getMessage());
    }
}
