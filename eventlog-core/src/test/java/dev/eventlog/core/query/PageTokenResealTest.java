package dev.eventlog.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A token's seal is a checksum with a salt anyone can read, not a secret: a client can change a token's content and
 * seal it again. These tests do that, using only the token format, and show what then still protects the query:
 * a key outside the query's scope, an impossible date or time, another version or another query's fingerprint is
 * refused; a key moved inside the query's own scope is accepted, and reads only what that query may read anyway.
 */
class PageTokenResealTest {

    private static final int SEAL_BYTES = 12;
    private static final byte[] PUBLIC_SALT = "eventlog".getBytes(StandardCharsets.US_ASCII);

    private static final EventQuery DAY = EventQuery.of(new QueryScope.Day(java.time.LocalDate.of(2024, 3, 1)));
    private static final EventQuery RANGE = EventQuery.of(new QueryScope.Range(
            EventTime.parse("2024-03-01", "06:00:00.000"), EventTime.parse("2024-03-02", "06:00:00.000")));
    private static final EventKey KEY = EventKey.parse("2024-03-01", "10:00:00.250", "e1");

    @Test
    void resealedUnchangedToken_isAccepted_soTheResealingBelowIsTheRealSeal() {
        String token = PageToken.encode(DAY, KEY);

        assertEquals(token, reseal(payload(token)));
        assertEquals(KEY, PageToken.decode(DAY, reseal(payload(token))));
    }

    @Test
    void resealedKeyInsideTheQuerysScope_isAccepted_theChecksumDoesNotStopIt() {
        String[] parts = parts(PageToken.encode(DAY, KEY));
        parts[3] = "23:59:59.999";

        assertEquals(
                EventKey.parse("2024-03-01", "23:59:59.999", "e1"),
                PageToken.decode(DAY, reseal(String.join("|", parts))));
    }

    @Test
    void resealedKeyOutsideTheQuerysScope_isRefused() {
        String[] day = parts(PageToken.encode(DAY, KEY));
        day[2] = "2024-03-02";
        assertRefused(DAY, String.join("|", day));

        String[] range = parts(PageToken.encode(RANGE, KEY));
        range[2] = "2024-03-01";
        range[3] = "05:59:59.999";
        assertRefused(RANGE, String.join("|", range));
        range[2] = "2024-03-02";
        range[3] = "06:00:00.000";
        assertRefused(RANGE, String.join("|", range));
    }

    @Test
    void resealedImpossibleDateOrTime_isRefused() {
        for (String[] change : new String[][] {
            {"2", "2024-02-30"},
            {"2", "2024-3-1"},
            {"2", ""},
            {"3", "25:00:00.000"},
            {"3", "10:00"},
            {"3", "10:00:00.250|x"},
            {"4", ""},
            {"4", "bad id!"}
        }) {
            String[] parts = parts(PageToken.encode(DAY, KEY));
            parts[Integer.parseInt(change[0])] = change[1];
            assertRefused(DAY, String.join("|", parts));
        }
    }

    @Test
    void resealedOtherVersion_isRefused() {
        for (String version : new String[] {"0", "1", "3", "", "2.0"}) {
            String[] parts = parts(PageToken.encode(DAY, KEY));
            parts[0] = version;
            assertRefused(DAY, String.join("|", parts));
        }
    }

    @Test
    void resealedWithAnotherQuerysFingerprint_isRefused() {
        String[] parts = parts(PageToken.encode(DAY, KEY));
        parts[1] = parts(PageToken.encode(DAY.withUserId("bob"), KEY))[1];

        assertRefused(DAY, String.join("|", parts));
    }

    private static void assertRefused(EventQuery query, String payload) {
        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> PageToken.decode(query, reseal(payload)), payload);
        assertEquals("nextToken", refused.errors().get(0).field(), payload);
    }

    private static String[] parts(String token) {
        return payload(token).split("\\|", -1);
    }

    /** The readable part of a token: version, query fingerprint, date, time and event id, separated by '|'. */
    private static String payload(String token) {
        byte[] sealed = Base64.getUrlDecoder().decode(token);
        return new String(Arrays.copyOf(sealed, sealed.length - SEAL_BYTES), StandardCharsets.UTF_8);
    }

    /** Seals a payload as anyone who reads the format can: SHA-256 over it and the public salt. */
    private static String reseal(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        byte[] salted = Arrays.copyOf(body, body.length + PUBLIC_SALT.length);
        System.arraycopy(PUBLIC_SALT, 0, salted, body.length, PUBLIC_SALT.length);
        byte[] sealed = Arrays.copyOf(body, body.length + SEAL_BYTES);
        try {
            System.arraycopy(MessageDigest.getInstance("SHA-256").digest(salted), 0, sealed, body.length, SEAL_BYTES);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }
}
