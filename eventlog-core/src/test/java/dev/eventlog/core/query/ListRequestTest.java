package dev.eventlog.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListRequestTest {

    private static ListRequest request(String date, String from, String to, String order, String limit) {
        return new ListRequest(date, null, from, to, null, null, order, limit, null);
    }

    private static List<String> badFields(ListRequest request) {
        return assertThrows(InvalidInputException.class, request::toQuery).errors().stream()
                .map(FieldError::field)
                .toList();
    }

    @Test
    void noParameters_meansAllEventsAscendingWithTheDefaultLimit() {
        assertEquals(
                new EventQuery(new QueryScope.AllEvents(), null, null, SortOrder.ASC, 100),
                ListRequest.all().toQuery());
    }

    @Test
    void date_meansOneDay() {
        assertEquals(
                new QueryScope.Day(LocalDate.of(2024, 2, 29)),
                ListRequest.day("2024-02-29").toQuery().scope());
    }

    @Test
    void fromAndTo_meanARangeWithOptionalMillisecondsAndZone() {
        QueryScope scope = request(null, "2024-01-31T22:00:00", "2024-02-01T02:00:00.500Z", null, null)
                .toQuery()
                .scope();

        assertEquals(
                new QueryScope.Range(
                        EventTime.parse("2024-01-31", "22:00:00"), EventTime.parse("2024-02-01", "02:00:00.500")),
                scope);
    }

    @Test
    void bareDates_inARange_meanMidnight() {
        QueryScope scope =
                request(null, "2024-01-01", "2024-01-02", null, null).toQuery().scope();

        assertEquals(
                new QueryScope.Range(
                        EventTime.parse("2024-01-01", "00:00:00"), EventTime.parse("2024-01-02", "00:00:00")),
                scope);
    }

    @Test
    void rangeOfMoreThan366Days_isRejected() {
        request(null, "2024-01-01T00:00:00", "2025-01-01T00:00:00", null, null).toQuery();

        assertEquals(
                List.of("to"), badFields(request(null, "2024-01-01T00:00:00", "2025-01-01T00:00:00.001", null, null)));
    }

    @Test
    void emptyOrReversedRange_isRejected() {
        assertEquals(List.of("to"), badFields(request(null, "2024-01-02T00:00:00", "2024-01-02T00:00:00", null, null)));
        assertEquals(List.of("to"), badFields(request(null, "2024-01-02T00:00:00", "2024-01-01T00:00:00", null, null)));
    }

    @Test
    void halfARange_namesTheMissingBound() {
        assertEquals(List.of("to"), badFields(request(null, "2024-01-01T00:00:00", null, null, null)));
        assertEquals(List.of("from"), badFields(request(null, null, "2024-01-01T00:00:00", null, null)));
    }

    @Test
    void dateWithARange_isRejected() {
        assertEquals(
                List.of("date"),
                badFields(request("2024-01-01", "2024-01-01T00:00:00", "2024-01-02T00:00:00", null, null)));
    }

    @Test
    void everyBadParameter_isReportedAtOnce() {
        assertEquals(List.of("date", "order", "limit"), badFields(request("2024-02-30", null, null, "sideways", "0")));
    }

    @Test
    void limit_mustBeAWholeNumberFrom1To1000() {
        assertEquals(1000, request(null, null, null, null, "1000").toQuery().limit());
        for (String bad : List.of("0", "1001", "-1", "abc", "1.5", "99999999999999999999", "", " 5")) {
            assertEquals(List.of("limit"), badFields(request(null, null, null, null, bad)), bad);
        }
    }

    @Test
    void order_isAscOrDescInAnyCase() {
        assertEquals(
                SortOrder.DESC,
                request("2024-01-01", null, null, "DESC", null).toQuery().order());
        assertEquals(
                SortOrder.ASC,
                request("2024-01-01", null, null, "asc", null).toQuery().order());
    }

    @Test
    void descendingScanOfEverything_isRejected() {
        assertEquals(List.of("order"), badFields(request(null, null, null, "desc", null)));
        assertEquals(
                List.of("order"),
                badFields(new ListRequest(null, null, null, null, null, "login", "desc", null, null)));
    }

    @Test
    void descendingHistoryOfOneUser_withoutDate_isValid() {
        EventQuery query = new ListRequest(null, null, null, null, "alice", null, "desc", null, null).toQuery();

        assertEquals(SortOrder.DESC, query.order());
        assertEquals("alice", query.userId());
    }

    @Test
    void emptyFilters_areRejected() {
        assertEquals(
                List.of("userId", "eventType"),
                badFields(new ListRequest(null, null, null, null, "", "", null, null, null)));
    }

    @Test
    void millisecond_isItsOwnScope_upToTheLastMillisecondOfTheYear9999() {
        EventQuery query = ListRequest.millisecond("9999-12-31", "23:59:59.999", null, null, "desc", "5", null)
                .toQuery();

        assertEquals(new QueryScope.Millisecond(EventTime.parse("9999-12-31", "23:59:59.999")), query.scope());
        assertEquals(SortOrder.DESC, query.order());
    }

    @Test
    void millisecondWithABadDateAndTime_namesBoth() {
        assertEquals(
                List.of("date", "time"),
                badFields(ListRequest.millisecond("2024-02-30", "25:00:00", null, null, null, null, null)));
    }
}
