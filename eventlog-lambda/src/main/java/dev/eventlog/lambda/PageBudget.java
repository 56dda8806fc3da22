package dev.eventlog.lambda;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.PageToken;
import dev.eventlog.core.usecase.EventPage;
import dev.eventlog.http.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a page within what a Lambda function may answer (6 MB for the whole response, in which the body is
 * escaped once more). A page of large events is cut short and continues, through an ordinary {@code NextToken},
 * right after its last event, so a client sees every event once however large they are.
 */
final class PageBudget {

    /**
     * Body bytes a page may take. Escaping the body into the response can triple it at worst (a 4-byte character
     * becomes two {@code \\uXXXX} escapes), so 2 MiB stays under the 6 MB limit with room for headers.
     */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    /** Room for the envelope: {@code Items}, {@code Count} and a {@code NextToken}. */
    private static final int ENVELOPE_BYTES = 1024;

    private PageBudget() {}

    /** The page itself when it fits, else its longest prefix that fits (at least one event), continuing after it. */
    static EventPage fit(EventQuery query, EventPage page) {
        List<EventRecord> items = page.items();
        if (upperBound(items) <= MAX_BODY_BYTES) {
            // The common case, settled without writing any event twice: even escaped, this page cannot overflow.
            return page;
        }
        long total = ENVELOPE_BYTES;
        for (int i = 0; i < items.size(); i++) {
            total += bytes(items.get(i)) + 1;
            if (total > MAX_BODY_BYTES) {
                int kept = Math.max(1, i);
                if (kept == items.size()) {
                    return page;
                }
                return new EventPage(
                        items.subList(0, kept),
                        Optional.of(PageToken.encode(query, items.get(kept - 1).key())));
            }
        }
        return page;
    }

    /**
     * A bound on the page's body size from its text lengths alone: a UTF-16 char takes at most 6 bytes in the
     * JSON ({@code \\uXXXX}), and each field adds its name, quotes and separators (less than 32 bytes).
     */
    private static long upperBound(List<EventRecord> items) {
        long total = ENVELOPE_BYTES;
        for (EventRecord event : items) {
            long chars = event.userId().length() + event.eventType().length() + "YYYY-MM-DDHH:mm:ss.SSS".length();
            int fields = 5;
            for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
                chars += attribute.getKey().length() + attribute.getValue().length();
                fields++;
            }
            total += 6 * chars + 32L * fields + 1;
        }
        return total;
    }

    private static int bytes(EventRecord event) {
        return EventJson.write(event).getBytes(StandardCharsets.UTF_8).length;
    }
}
