package dev.eventlog.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before the snapshot is taken, one POST and one GET go through the handler's real code path
 * (routing, JSON, use cases, store client), so classes are loaded and connections warmed in the snapshot. The
 * key lies in 1970, away from real events; its content never changes, so a rerun is a harmless "existing".
 * On a JVM without CRaC, registering does nothing.
 */
final class SnapStartPriming implements Resource {

    static final String DATE = "1970-01-01";
    static final String TIME = "00:00:00.000";
    private static final String BODY = "{\"date\":\"" + DATE + "\",\"time\":\"" + TIME
            + "\",\"userId\":\"eventlog-priming\",\"eventType\":\"snapstart-priming\"}";

    private final EventLogHandler handler;

    private SnapStartPriming(EventLogHandler handler) {
        this.handler = handler;
    }

    /** Registers priming for the handler; the handler keeps the returned resource reachable, as CRaC holds it weakly. */
    static SnapStartPriming register(EventLogHandler handler) {
        SnapStartPriming priming = new SnapStartPriming(handler);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the store client re-establishes its connections on first use.
    }

    /** Runs the priming requests; returns the two statuses, for tests. */
    int[] prime() {
        int post = handler.handleRequest(request("POST", "/events", BODY), null).getStatusCode();
        int get = handler.handleRequest(request("GET", "/events/" + DATE + "/" + TIME, null), null).getStatusCode();
        return new int[] {post, get};
    }

    private static APIGatewayV2HTTPEvent request(String method, String path, String body) {
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
        event.setRawQueryString("");
        event.setHeaders(Map.of("content-type", "application/json"));
        event.setRequestContext(requestContext);
        event.setBody(body);
        return event;
    }
}
