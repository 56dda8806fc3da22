package dev.eventlog.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PageTokenTest {

    private static final EventQuery DAY = EventQuery.of(new QueryScope.Day(LocalDate.of(2024, 3, 1)));
    private static final EventKey KEY = EventKey.parse("2024-03-01", "10:00:00.250", "id:7");

    @Test
    void token_roundTrips() {
        assertEquals(KEY, PageToken.decode(DAY, PageToken.encode(DAY, KEY)));
    }

    @Test
    void token_isUrlSafe() {
        assertTrue(PageToken.encode(DAY, KEY).matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void token_survivesAChangeOfLimit() {
        assertEquals(KEY, PageToken.decode(DAY.withLimit(7), PageToken.encode(DAY, KEY)));
    }

    @Test
    void tokenReusedWithOtherFilters_isRejected() {
        String token = PageToken.encode(DAY, KEY);

        InvalidInputException error =
                assertThrows(InvalidInputException.class, () -> PageToken.decode(DAY.withUserId("bob"), token));
        assertEquals("nextToken", error.errors().get(0).field());
        assertThrows(InvalidInputException.class, () -> PageToken.decode(DAY.withOrder(SortOrder.DESC), token));
        assertThrows(
                InvalidInputException.class,
                () -> PageToken.decode(EventQuery.of(new QueryScope.Day(LocalDate.of(2024, 3, 2))), token));
    }

    @Test
    void userQueryToken_isRefusedOnADayQueryAndViceVersa() {
        EventQuery userDay = DAY.withUserId("alice");
        EventQuery userHistory = EventQuery.of(new QueryScope.AllEvents()).withUserId("alice");

        assertThrows(InvalidInputException.class, () -> PageToken.decode(DAY, PageToken.encode(userDay, KEY)));
        assertThrows(InvalidInputException.class, () -> PageToken.decode(userDay, PageToken.encode(DAY, KEY)));
        assertThrows(InvalidInputException.class, () -> PageToken.decode(DAY, PageToken.encode(userHistory, KEY)));
        assertThrows(InvalidInputException.class, () -> PageToken.decode(userHistory, PageToken.encode(DAY, KEY)));
        assertThrows(
                InvalidInputException.class,
                () -> PageToken.decode(userHistory.withOrder(SortOrder.DESC), PageToken.encode(userHistory, KEY)));
        assertEquals(KEY, PageToken.decode(userHistory, PageToken.encode(userHistory, KEY)));
    }

    @Test
    void garbage_isRejected() {
        for (String garbage : new String[] {"", "x", "!!!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA", "eyJ9"}) {
            assertThrows(InvalidInputException.class, () -> PageToken.decode(DAY, garbage), garbage);
        }
    }

    @Test
    void everySingleCharacterChange_isRejected() {
        String token = PageToken.encode(DAY, KEY);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            char replacement = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length());
            String mutated = token.substring(0, i) + replacement + token.substring(i + 1);
            int at = i;
            try {
                EventKey decoded = PageToken.decode(DAY, mutated);
                // The last character may carry only padding bits, so a change there can decode to the same token.
                assertEquals(KEY, decoded, () -> "mutation at " + at + " accepted");
            } catch (InvalidInputException expected) {
                // refused: what a tampered token should get
            }
        }
    }
}
