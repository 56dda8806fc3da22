package dev.eventlog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.ListRequest;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What a client writes for a list, the API reads back as the same request: the two sides of one contract. */
class ListTargetProperties {

    /** The request the API reads from a target, with the query string split and decoded as API Gateway does. */
    private static ListRequest readByTheApi(ListTarget target) {
        RouteMatch match = RouteMatch.resolve(null, "GET", PercentDecoding.path(target.path()), null);
        assertEquals(target.route(), match.route());
        Map<String, String> decoded = new LinkedHashMap<>();
        if (!target.rawQuery().isEmpty()) {
            for (String pair : target.rawQuery().split("&")) {
                int eq = pair.indexOf('=');
                decoded.merge(
                        PercentDecoding.queryComponent(pair.substring(0, eq)),
                        PercentDecoding.queryComponent(pair.substring(eq + 1)),
                        (a, b) -> a + "," + b);
            }
        }
        return QueryParameters.read(match.route(), decoded.isEmpty() ? null : decoded, target.rawQuery())
                .listRequest(match);
    }

    @Property(tries = 400)
    void aQueryAndToken_areReadBackAsWritten(
            @ForAll("queries") EventQuery query, @ForAll("tokens") Optional<String> token) {
        ListRequest read = readByTheApi(ListTarget.of(query, token.orElse(null)));

        assertEquals(query, read.toQuery());
        assertEquals(token.orElse(null), read.nextToken());
    }

    @Property(tries = 400)
    void anyTextParameters_areReadBackAsWritten(@ForAll("requests") ListRequest request) {
        assertEquals(request, readByTheApi(ListTarget.of(request)));
    }

    @Example
    void aDayWithDefaults_isTheShortestQuery() {
        ListTarget target = ListTarget.of(EventQuery.of(new QueryScope.Day(LocalDate.of(2024, 5, 1))), null);

        assertEquals("/events?date=2024-05-01", target.pathAndQuery());
        assertEquals(
                "/events/2024-05-01/10:00:00.000?order=desc&limit=5",
                ListTarget.of(
                                new EventQuery(
                                        new QueryScope.Millisecond(EventTime.parse("2024-05-01", "10:00:00")),
                                        null,
                                        null,
                                        SortOrder.DESC,
                                        5),
                                null)
                        .pathAndQuery());
    }

    @Provide
    Arbitrary<Optional<String>> tokens() {
        return Arbitraries.strings()
                .withChars("AZaz09-_")
                .ofMinLength(1)
                .ofMaxLength(30)
                .optional();
    }

    @Provide
    Arbitrary<EventQuery> queries() {
        Arbitrary<EventTime> times = Arbitraries.longs()
                .between(0, 4_000_000_000_000L)
                .map(millis -> EventTime.at(Instant.ofEpochMilli(millis)));
        Arbitrary<QueryScope> scopes = Arbitraries.oneOf(
                times.map(time -> new QueryScope.Day(time.date())),
                times.map(QueryScope.Millisecond::new),
                Combinators.combine(times, Arbitraries.longs().between(1, 366L * 86_400_000))
                        .as((from, span) -> new QueryScope.Range(
                                from, EventTime.at(from.instant().plusMillis(span)))),
                Arbitraries.just(new QueryScope.AllEvents()));
        return Combinators.combine(
                        scopes,
                        Events.text(20).injectNull(0.5),
                        Events.text(20).injectNull(0.5),
                        Arbitraries.of(SortOrder.class),
                        Arbitraries.integers().between(1, EventQuery.MAX_LIMIT))
                .as((scope, userId, eventType, order, limit) -> {
                    try {
                        return new EventQuery(scope, userId, eventType, order, limit);
                    } catch (InvalidInputException e) {
                        return null;
                    }
                })
                .filter(query -> query != null);
    }

    @Provide
    Arbitrary<ListRequest> requests() {
        Arbitrary<String> segment = Events.text(15).filter(text -> !text.contains("/"));
        Arbitrary<String> value =
                Arbitraries.oneOf(Events.text(15), Arbitraries.just("")).injectNull(0.4);
        return Combinators.combine(
                        segment.injectNull(0.5),
                        segment,
                        value,
                        value,
                        Combinators.combine(value, value, value, value, value).as(ListTargetProperties::rest))
                .as((date, time, from, to, rest) -> time == null || date == null
                        ? new ListRequest(date, null, from, to, rest[0], rest[1], rest[2], rest[3], rest[4])
                        : ListRequest.millisecond(date, time, rest[0], rest[1], rest[2], rest[3], rest[4]));
    }

    private static String[] rest(String userId, String eventType, String order, String limit, String nextToken) {
        return new String[] {userId, eventType, order, limit, nextToken};
    }
}
