package dev.eventlog.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.ListRequest;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.core.usecase.EventPage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Page tokens round-trip, and a mutated token is refused or still reads only its own query's events. */
class PageTokenProperties {

    private static final InMemoryEventLog STORE = new InMemoryEventLog();
    private static final EventLogService SERVICE = new EventLogService(STORE, Clock.systemUTC());

    static {
        String[] users = {"alice", "bob", "carol"};
        for (int day = 1; day <= 3; day++) {
            for (int i = 0; i < 40; i++) {
                SERVICE.record(new EventDraft(
                        "2024-07-0" + day,
                        String.format("%02d:%02d:00.%03d", i % 24, i, i),
                        users[i % 3],
                        i % 2 == 0 ? "login" : "view"));
            }
        }
    }

    @Property(tries = 200)
    void followingTokens_readsEveryMatchingEventOnce(@ForAll("requests") ListRequest request) {
        List<EventRecord> seen = readAll(request);
        EventQuery query = request.toQuery();

        List<EventRecord> expected =
                STORE.query(query.withLimit(1000), java.util.Optional.empty()).items();
        assertEquals(expected, seen);
    }

    @Property(tries = 500)
    void mutatedToken_isRefusedOrStaysInsideItsQuery(
            @ForAll("pagedRequests") ListRequest request,
            @ForAll @IntRange(min = 0, max = 200) int position,
            @ForAll("tokenChars") char replacement) {
        EventPage first = SERVICE.list(request);
        // Every generated request has more matches than its limit, so every try mutates a real token.
        assertTrue(first.nextToken().isPresent(), "a first page with more to come: " + request);
        String token = first.nextToken().get();
        int at = position % token.length();
        String mutated = token.substring(0, at) + replacement + token.substring(at + 1);
        EventQuery query = request.toQuery();
        try {
            EventPage page = SERVICE.list(withToken(request, mutated));
            assertTrue(page.items().stream().allMatch(query::matches), "only events of its own query");
        } catch (InvalidInputException refused) {
            assertEquals("nextToken", refused.errors().get(0).field());
        }
    }

    private static List<EventRecord> readAll(ListRequest request) {
        List<EventRecord> all = new ArrayList<>();
        String token = null;
        do {
            EventPage page = SERVICE.list(withToken(request, token));
            all.addAll(page.items());
            token = page.nextToken().orElse(null);
        } while (token != null);
        return all;
    }

    private static ListRequest withToken(ListRequest r, String token) {
        return new ListRequest(
                r.date(), null, r.from(), r.to(), r.userId(), r.eventType(), r.order(), r.limit(), token);
    }

    @Provide
    Arbitrary<ListRequest> requests() {
        Arbitrary<String> users = Arbitraries.of("alice", "bob", "carol").injectNull(0.5);
        Arbitrary<String> types = Arbitraries.of("login", "view").injectNull(0.5);
        Arbitrary<String> limits = Arbitraries.integers().between(1, 50).map(String::valueOf);
        Arbitrary<String[]> scopes = Arbitraries.of(
                new String[] {"2024-07-02", null, null},
                new String[] {null, "2024-07-01T12:00:00", "2024-07-03T06:00:00"},
                new String[] {null, null, null});
        Arbitrary<String> orders = Arbitraries.of("asc", "desc");
        return net.jqwik.api.Combinators.combine(scopes, users, types, orders, limits)
                .as((scope, user, type, order, limit) -> new ListRequest(
                        scope[0],
                        null,
                        scope[1],
                        scope[2],
                        user,
                        type,
                        scope[0] == null && scope[1] == null ? "asc" : order,
                        limit,
                        null));
    }

    /**
     * Requests whose first page always has a token: the narrowest scope and filters still match 6 events (one day,
     * one user, one type), and the limit is at most 5.
     */
    @Provide
    Arbitrary<ListRequest> pagedRequests() {
        return requests()
                .flatMap(request -> Arbitraries.integers()
                        .between(1, 5)
                        .map(limit -> new ListRequest(
                                request.date(),
                                null,
                                request.from(),
                                request.to(),
                                request.userId(),
                                request.eventType(),
                                request.order(),
                                String.valueOf(limit),
                                null)));
    }

    @Provide
    Arbitrary<Character> tokenChars() {
        return Arbitraries.chars()
                .with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/.".toCharArray());
    }
}
