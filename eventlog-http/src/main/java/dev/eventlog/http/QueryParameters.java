package dev.eventlog.http;

import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.query.ListRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query string of one request, checked against the parameters its route accepts, and read into a
 * {@link ListRequest}. Each parameter may be given once: API Gateway joins repeated parameters with commas in
 * {@code queryStringParameters}, so the raw query string is counted to tell a repeat from a comma inside one value.
 */
public final class QueryParameters {

    public static final String DATE = "date";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String USER_ID = "userId";
    public static final String EVENT_TYPE = "eventType";
    public static final String ORDER = "order";
    public static final String LIMIT = "limit";
    public static final String NEXT_TOKEN = "nextToken";

    /**
     * The prefix of the query parameters a presigned SigV4 request carries ({@code X-Amz-Algorithm},
     * {@code X-Amz-Credential}, {@code X-Amz-Date}, {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders},
     * {@code X-Amz-Security-Token}, {@code X-Amz-Signature}): they belong to the signature the gateway checked, not
     * to the request, so they are ignored whether or not the gateway passes them on.
     */
    public static final String SIGNATURE_PREFIX = "X-Amz-";

    /** The parameters of {@code GET /events}, in the order a client writes them. */
    static final List<String> OF_EVERY_LIST = List.of(DATE, FROM, TO, USER_ID, EVENT_TYPE, ORDER, LIMIT, NEXT_TOKEN);
    /** The parameters of a list whose path already names its day or millisecond. */
    static final List<String> OF_A_PATH_LIST = List.of(USER_ID, EVENT_TYPE, ORDER, LIMIT, NEXT_TOKEN);

    private static final Set<String> RANGE = Set.of(DATE, FROM, TO);
    /** Parameters whose valid values never hold a comma, so a comma there can only be a joined repeat. */
    private static final Set<String> COMMA_FREE = Set.of(DATE, FROM, TO, ORDER, LIMIT, NEXT_TOKEN);

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads the parameters of a request on {@code route} from the gateway's decoded {@code queryStringParameters}
     * (or, when it gave none, from the raw query string), refusing (400, all problems at once) any the route does
     * not take and any given more than once; those of a presigned signature are left out.
     */
    public static QueryParameters read(ApiRoute route, Map<String, String> decoded, String rawQueryString) {
        Map<String, Integer> counts = countRaw(rawQueryString);
        Map<String, String> values = new LinkedHashMap<>();
        if (decoded != null) {
            decoded.forEach((name, value) -> values.put(name, value == null ? "" : value));
        } else if (rawQueryString != null) {
            for (String pair : rawQueryString.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = queryComponent(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : queryComponent(pair.substring(eq + 1));
                    values.merge(name, value, (a, b) -> a + "," + b);
                }
            }
        }
        values.keySet().removeIf(name -> name.startsWith(SIGNATURE_PREFIX));
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = entry.getKey();
            if (!route.queryParameters().contains(name)) {
                errors.add(notTaken(route, name));
            } else if (counts.getOrDefault(name, 1) > 1) {
                errors.add(new FieldError(name, "is given " + counts.get(name) + " times; give it at most once"));
            } else if (!counts.containsKey(name)
                    && COMMA_FREE.contains(name)
                    && entry.getValue().contains(",")) {
                errors.add(
                        new FieldError(
                                name,
                                "holds a comma: it was given more than once (repeats arrive joined by commas); give it at most once"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new QueryParameters(values);
    }

    private static FieldError notTaken(ApiRoute route, String name) {
        List<String> allowed = route.queryParameters();
        if (RANGE.contains(name) && !route.pathParameters().isEmpty() && !allowed.isEmpty()) {
            return new FieldError(
                    name,
                    "cannot be used with " + route.routeKey() + ", whose path already names the "
                            + (route == ApiRoute.LIST_DAY ? "day" : "millisecond")
                            + "; use GET /events?date= or GET /events?from=&to= instead");
        }
        String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return new FieldError(
                shown,
                allowed.isEmpty()
                        ? "is not a query parameter of " + route.routeKey() + ", which takes none"
                        : "is not a query parameter of " + route.routeKey() + "; it takes "
                                + String.join(", ", allowed));
    }

    /**
     * How often each (decoded) name occurs in the raw query string; empty when there is none. Refuses (400) a raw
     * query string whose names or values are not valid percent-encoded UTF-8.
     */
    private static Map<String, Integer> countRaw(String rawQueryString) {
        Map<String, Integer> counts = new HashMap<>();
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return counts;
        }
        for (String pair : rawQueryString.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = queryComponent(eq < 0 ? pair : pair.substring(0, eq));
                if (eq >= 0) {
                    // The gateway's decoded values replace invalid UTF-8 silently; the raw value is where it shows.
                    queryComponent(pair.substring(eq + 1));
                }
                counts.merge(name, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String queryComponent(String raw) {
        try {
            return PercentDecoding.queryComponent(raw);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("the query string " + e.getMessage());
        }
    }

    /** The value, or null when the parameter was not given. */
    public String get(String name) {
        return values.get(name);
    }

    public int size() {
        return values.size();
    }

    /** The list request of a list route: the path's day or millisecond with these parameters. */
    public ListRequest listRequest(RouteMatch match) {
        return switch (match.route()) {
            case LIST_EVENTS ->
                new ListRequest(
                        get(DATE),
                        null,
                        get(FROM),
                        get(TO),
                        get(USER_ID),
                        get(EVENT_TYPE),
                        get(ORDER),
                        get(LIMIT),
                        get(NEXT_TOKEN));
            case LIST_DAY ->
                new ListRequest(
                        match.parameter(ApiRoute.DATE),
                        null,
                        null,
                        null,
                        get(USER_ID),
                        get(EVENT_TYPE),
                        get(ORDER),
                        get(LIMIT),
                        get(NEXT_TOKEN));
            case LIST_MILLISECOND ->
                ListRequest.millisecond(
                        match.parameter(ApiRoute.DATE),
                        match.parameter(ApiRoute.TIME),
                        get(USER_ID),
                        get(EVENT_TYPE),
                        get(ORDER),
                        get(LIMIT),
                        get(NEXT_TOKEN));
            case RECORD_EVENTS, GET_EVENT ->
                throw new IllegalArgumentException(match.route().routeKey() + " is not a list");
        };
    }
}
