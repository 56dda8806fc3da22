package dev.eventlog.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.usecase.EventLogService;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before the snapshot is taken, requests go through the handler's real code path (routing,
 * query and body decoding, JSON, use cases, store client) so that their classes are loaded and the store's
 * connection is warm in the snapshot. It changes no data: the reads ask for a day in 1970 that holds no events,
 * and the POST goes through a view of the store that reads from it but never writes to it. So the POST primes the
 * handler and the use case, not the store's write request (its item mapping and PutItem marshalling): the first
 * real write after a restore still loads those.
 */
final class SnapStartPriming implements Resource {

    static final String DATE = "1970-01-01";
    static final String TIME = "00:00:00.000";
    /** An id no event in 1970 has: priming only ever reads it. */
    static final String EVENT_ID = "snapstart-priming";

    private static final String BODY = "{\"date\":\"" + DATE + "\",\"time\":\"" + TIME
            + "\",\"userId\":\"eventlog-priming\",\"eventType\":\"snapstart-priming\",\"attributes\":{\"k\":\"v\"}}";

    private final EventLogHandler reads;
    private final EventLogHandler writes;

    private SnapStartPriming(EventLogHandler reads, EventLogHandler writes) {
        this.reads = reads;
        this.writes = writes;
    }

    /** Priming for {@code handler} on {@code store}, registered with CRaC; the caller keeps it reachable. */
    static SnapStartPriming register(EventLogHandler handler, EventLogPort store) {
        SnapStartPriming priming = of(handler, store);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** Priming for {@code handler}, which serves {@code store}; its POST goes through a view that never writes. */
    static SnapStartPriming of(EventLogHandler handler, EventLogPort store) {
        EventLogHandler writes = new EventLogHandler(
                new EventLogService(new ReadOnlyView(store), Clock.systemUTC()),
                new PrintStream(OutputStream.nullOutputStream()));
        // Unlogged, so that priming neither counts as the process's cold start nor adds requests to the metrics.
        return new SnapStartPriming(handler.unlogged(), writes);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the store client re-establishes its connections on first use.
    }

    /** Runs the priming requests; returns their statuses, for tests. */
    List<Integer> prime() {
        List<Integer> statuses = new ArrayList<>();
        statuses.add(status(writes, request("POST", "/events", "", BODY)));
        statuses.add(status(reads, request("GET", "/events/" + DATE + "/" + TIME, "", null)));
        statuses.add(status(reads, request("GET", "/events/" + DATE + "/" + TIME + "/" + EVENT_ID, "", null)));
        statuses.add(status(reads, request("GET", "/events", "date=" + DATE + "&limit=1", null)));
        return statuses;
    }

    private static int status(EventLogHandler handler, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        return response.getStatusCode();
    }

    private static APIGatewayV2HTTPEvent request(String method, String path, String query, String body) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        APIGatewayV2HTTPEvent.RequestContext requestContext = new APIGatewayV2HTTPEvent.RequestContext();
        requestContext.setHttp(http);
        requestContext.setRequestId("snapstart-priming");
        requestContext.setRouteKey("$default");
        requestContext.setStage("$default");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("$default");
        event.setRawPath(path);
        event.setRawQueryString(query);
        event.setHeaders(Map.of("content-type", "application/json"));
        event.setRequestContext(requestContext);
        event.setBody(body);
        return event;
    }

    /** The store as priming may use it: reads pass through; an append is answered as created and stores nothing. */
    private record ReadOnlyView(EventLogPort store) implements EventLogPort {

        @Override
        public AppendResult append(EventRecord event) {
            return AppendResult.created(event);
        }

        @Override
        public List<AppendResult> appendAll(List<EventRecord> events) {
            return events.stream().map(AppendResult::created).toList();
        }

        @Override
        public Optional<EventRecord> find(EventKey key) {
            return store.find(key);
        }

        @Override
        public Page query(EventQuery query, Optional<EventKey> after) {
            return store.query(query, after);
        }
    }
}
