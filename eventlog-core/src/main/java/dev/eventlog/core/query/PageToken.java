package dev.eventlog.core.query;

import dev.eventlog.core.domain.EventIds;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The opaque {@code nextToken}: where a query's next page starts, bound to that query (scope, filters, order)
 * and sealed with a checksum, so a token that was altered or is reused with another query is refused.
 * The page size is not bound: a client may change {@code limit} between pages.
 */
public final class PageToken {

    private static final String VERSION = "2";
    private static final int CHECKSUM_BYTES = 12;
    private static final String INVALID = "is not a token issued by this API for this query; start again without it";

    private PageToken() {}

    /** The token for the page of {@code query} that starts after {@code after}. */
    public static String encode(EventQuery query, EventKey after) {
        String payload =
                String.join("|", VERSION, fingerprint(query), after.dateText(), after.timeText(), after.eventId());
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOf(body, body.length + CHECKSUM_BYTES);
        System.arraycopy(checksum(body), 0, sealed, body.length, CHECKSUM_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The key after which {@code query}'s next page starts; refuses a token that is not {@code query}'s own. */
    public static EventKey decode(EventQuery query, String token) {
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (sealed.length <= CHECKSUM_BYTES) {
            throw invalid();
        }
        byte[] body = Arrays.copyOf(sealed, sealed.length - CHECKSUM_BYTES);
        byte[] seal = Arrays.copyOfRange(sealed, body.length, sealed.length);
        if (!MessageDigest.isEqual(seal, Arrays.copyOf(checksum(body), CHECKSUM_BYTES))) {
            throw invalid();
        }
        String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        if (!parts[1].equals(fingerprint(query))) {
            throw new InvalidInputException(
                    "nextToken",
                    "belongs to another query; repeat the same date, from, to, userId, eventType and order as the first page");
        }
        List<FieldError> errors = new ArrayList<>();
        var date = EventTime.parseDate("nextToken", parts[2], errors);
        var time = EventTime.parseTime("nextToken", parts[3], errors);
        EventIds.check("nextToken", parts[4], errors);
        if (!errors.isEmpty()) {
            throw invalid();
        }
        EventKey after = new EventKey(date, time, parts[4]);
        if (!query.scope().contains(after)) {
            throw invalid();
        }
        return after;
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("nextToken", INVALID);
    }

    private static String fingerprint(EventQuery query) {
        String canonical = String.join(
                "\u0000",
                describe(query.scope()),
                nullable(query.userId()),
                nullable(query.eventType()),
                query.order().name());
        return HexFormat.of().formatHex(Arrays.copyOf(EventIds.sha256(canonical.getBytes(StandardCharsets.UTF_8)), 8));
    }

    private static String describe(QueryScope scope) {
        if (scope instanceof QueryScope.Day day) {
            return "day:" + day.date();
        }
        if (scope instanceof QueryScope.Range range) {
            return "range:" + range.from() + ":" + range.to();
        }
        if (scope instanceof QueryScope.Millisecond millisecond) {
            return "millisecond:" + millisecond.at();
        }
        return "all";
    }

    private static String nullable(String value) {
        return value == null ? "-" : "=" + value;
    }

    private static byte[] checksum(byte[] body) {
        byte[] salted = Arrays.copyOf(body, body.length + 8);
        System.arraycopy("eventlog".getBytes(StandardCharsets.US_ASCII), 0, salted, body.length, 8);
        return EventIds.sha256(salted);
    }
}
