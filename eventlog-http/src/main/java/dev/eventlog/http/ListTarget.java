package dev.eventlog.http;

import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.ListRequest;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where a client sends a list request: its route, its path and its query string, percent-encoded so that the API
 * reads back exactly the request written. One millisecond goes to {@code GET /events/{date}/{time}}, everything
 * else to {@code GET /events}.
 */
public record ListTarget(ApiRoute route, String path, String rawQuery) {

    /** The target of a request as a client would write its text parameters; a null parameter is left out. */
    public static ListTarget of(ListRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        ApiRoute route;
        String path;
        if (request.time() != null) {
            route = ApiRoute.LIST_MILLISECOND;
            path = route.path(request.date(), request.time());
        } else {
            route = ApiRoute.LIST_EVENTS;
            path = route.pathTemplate();
            parameters.put(QueryParameters.DATE, request.date());
            parameters.put(QueryParameters.FROM, request.from());
            parameters.put(QueryParameters.TO, request.to());
        }
        parameters.put(QueryParameters.USER_ID, request.userId());
        parameters.put(QueryParameters.EVENT_TYPE, request.eventType());
        parameters.put(QueryParameters.ORDER, request.order());
        parameters.put(QueryParameters.LIMIT, request.limit());
        parameters.put(QueryParameters.NEXT_TOKEN, request.nextToken());
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + PercentEncoding.queryComponent(value));
            }
        });
        return new ListTarget(route, path, query.toString());
    }

    /**
     * The target of one page of {@code query}: the first when {@code nextToken} is null, else the one that token
     * continues to. Order and limit are written only where they differ from the API's defaults.
     */
    public static ListTarget of(EventQuery query, String nextToken) {
        String order = query.order() == SortOrder.DESC ? "desc" : null;
        String limit = query.limit() == EventQuery.DEFAULT_LIMIT ? null : Integer.toString(query.limit());
        String userId = query.userId();
        String eventType = query.eventType();
        QueryScope scope = query.scope();
        ListRequest request;
        if (scope instanceof QueryScope.Day day) {
            request = new ListRequest(
                    day.date().toString(), null, null, null, userId, eventType, order, limit, nextToken);
        } else if (scope instanceof QueryScope.Millisecond millisecond) {
            request = ListRequest.millisecond(
                    millisecond.at().dateText(),
                    millisecond.at().timeText(),
                    userId,
                    eventType,
                    order,
                    limit,
                    nextToken);
        } else if (scope instanceof QueryScope.Range range) {
            request = new ListRequest(
                    null, null, instant(range.from()), instant(range.to()), userId, eventType, order, limit, nextToken);
        } else {
            request = new ListRequest(null, null, null, null, userId, eventType, order, limit, nextToken);
        }
        return of(request);
    }

    /** The path with its query string, e.g. {@code /events?date=2024-05-01&limit=10}. */
    public String pathAndQuery() {
        return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    private static String instant(EventTime time) {
        return time.dateText() + "T" + time.timeText();
    }
}
