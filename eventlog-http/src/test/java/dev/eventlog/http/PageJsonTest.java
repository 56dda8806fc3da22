package dev.eventlog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.usecase.EventPage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A page in the original system's shape, as a client reads it. */
class PageJsonTest {

    private static final String EVENT =
            "{\"date\":\"2024-05-01\",\"time\":\"10:00:00.000\",\"eventId\":\"e\",\"userId\":\"u\",\"eventType\":\"t\"}";

    private static List<String> fieldsRefusedIn(String json) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> PageJson.read(json));
        return refused.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void theLastPage_hasNoNextToken() {
        EventPage page = PageJson.read("{\"Items\":[" + EVENT + "],\"Count\":1}");

        assertEquals(1, page.items().size());
        assertEquals(Optional.empty(), page.nextToken());
        assertEquals("{\"Items\":[],\"Count\":0}", PageJson.write(new EventPage(List.of(), Optional.empty())));
    }

    @Test
    void eachBadEvent_isNamedByItsIndex() {
        assertEquals(
                List.of("Items[1].date", "Items[2]"),
                fieldsRefusedIn("{\"Items\":[" + EVENT + "," + EVENT.replace("2024-05-01", "2024-13-01") + ",3],"
                        + "\"Count\":3}"));
    }

    @Test
    void aCountThatIsNotTheNumberOfItems_orAMissingMember_isRefused() {
        assertEquals(List.of("Count"), fieldsRefusedIn("{\"Items\":[" + EVENT + "],\"Count\":2}"));
        assertEquals(List.of("Count"), fieldsRefusedIn("{\"Items\":[]}"));
        assertEquals(List.of("Items"), fieldsRefusedIn("{\"Count\":0}"));
        assertEquals(List.of("items"), fieldsRefusedIn("{\"Items\":[],\"Count\":0,\"items\":[]}"));
        assertEquals(List.of("NextToken"), fieldsRefusedIn("{\"Items\":[],\"Count\":0,\"NextToken\":5}"));
    }
}
