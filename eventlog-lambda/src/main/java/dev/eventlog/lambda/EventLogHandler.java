package dev.eventlog.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.eventlog.core.domain.EventConflictException;
import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventNotFoundException;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.ListRequest;
import dev.eventlog.core.usecase.BatchResult;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.core.usecase.EventPage;
import dev.eventlog.http.ApiProblem;
import dev.eventlog.http.ApiRoute;
import dev.eventlog.http.BatchJson;
import dev.eventlog.http.EventJson;
import dev.eventlog.http.MediaTypes;
import dev.eventlog.http.PageJson;
import dev.eventlog.http.PostBody;
import dev.eventlog.http.ProblemJson;
import dev.eventlog.http.ProblemType;
import dev.eventlog.http.QueryParameters;
import dev.eventlog.http.RequestBody;
import dev.eventlog.http.RouteMatch;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Inbound adapter: the Lambda function behind the API Gateway HTTP API (payload 2.0). It routes each request to a
 * use case and answers with JSON, or with RFC 9457 problem+json for every error. Handler string:
 * {@code dev.eventlog.lambda.EventLogHandler::handleRequest}.
 */
public final class EventLogHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Seconds a client should wait before retrying when the store is unavailable. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final EventLogService service;
    private final AccessLog accessLog;
    private final PrintStream log;
    /** The runtime builds one handler per process, so this handler's first invocation is the process's cold start. */
    private final AtomicBoolean firstInvocation = new AtomicBoolean(true);

    /**
     * The constructor the Lambda runtime calls: the production graph from the environment (see
     * {@link FunctionWiring}), with SnapStart priming registered.
     */
    public EventLogHandler() {
        this(FunctionWiring.fromEnvironment(System.getenv()));
    }

    private EventLogHandler(FunctionWiring wiring) {
        this(wiring.service(), System.out);
        wiring.primeBeforeSnapshot(this);
    }

    /** A handler on the given use cases, writing its access log to standard output. */
    public EventLogHandler(EventLogService service) {
        this(service, System.out);
    }

    /** A handler on the given use cases, writing its access log and its EMF metrics to {@code log}. */
    public EventLogHandler(EventLogService service, PrintStream log) {
        this.service = Objects.requireNonNull(service, "service");
        this.accessLog = new AccessLog(log);
        this.log = log;
    }

    /** A handler on the same use cases that writes nothing, for requests that are not the API's (priming). */
    EventLogHandler unlogged() {
        return new EventLogHandler(service, new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        APIGatewayV2HTTPEvent request = event == null ? new APIGatewayV2HTTPEvent() : event;
        RequestLine line = RequestLine.of(request, context);
        InvocationMetrics metrics = new InvocationMetrics(firstInvocation.getAndSet(false));
        Reply reply;
        Throwable failure = null;
        try {
            reply = serve(request, line, metrics);
        } catch (ApiProblem problem) {
            reply = Reply.problem(problem.type(), problem.getMessage(), problem.errors(), problem.headers());
        } catch (InvalidInputException e) {
            reply = Reply.problem(
                    ProblemType.INVALID_INPUT,
                    ApiProblem.describe(e.errors()),
                    ApiProblem.reported(e.errors()),
                    Map.of());
        } catch (EventConflictException e) {
            metrics.wrote(AppendOutcome.CONFLICT);
            reply = Reply.problem(
                    ProblemType.CONFLICT,
                    e.getMessage()
                            + "; an event's date, time and eventId are its identity, so this eventId is taken: send another one,"
                            + " or none to let the id be derived from the content",
                    List.of(),
                    Map.of());
        } catch (EventNotFoundException e) {
            reply = Reply.problem(ProblemType.NOT_FOUND, e.getMessage(), List.of(), Map.of());
        } catch (StoreUnavailableException e) {
            failure = e;
            reply = Reply.problem(
                    ProblemType.STORE_UNAVAILABLE,
                    "the event store is unavailable right now; nothing was lost, try again shortly",
                    List.of(),
                    Map.of("Retry-After", RETRY_AFTER_SECONDS));
        } catch (RuntimeException | StackOverflowError e) {
            failure = e;
            reply = Reply.problem(
                    ProblemType.INTERNAL_ERROR,
                    "the request could not be completed because of an error on the server",
                    List.of(),
                    Map.of());
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        accessLog.write(
                line.requestId(),
                TraceId.current(),
                line.routeKey(),
                line.method(),
                line.path(),
                reply.status(),
                durationMs,
                reply.itemCount(),
                failure);
        log.println(metrics.document(System.currentTimeMillis(), line.routeKey(), reply.status()));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(reply.status())
                .withHeaders(reply.headers())
                .withBody(reply.body())
                .withIsBase64Encoded(false)
                .build();
    }

    private Reply serve(APIGatewayV2HTTPEvent request, RequestLine line, InvocationMetrics metrics) {
        RouteMatch match =
                RouteMatch.resolve(request.getRouteKey(), line.method(), line.routePath(), request.getPathParameters());
        ApiRoute route = match.route();
        metrics.matched(route.routeKey());
        QueryParameters query =
                QueryParameters.read(route, request.getQueryStringParameters(), request.getRawQueryString());
        return switch (route) {
            case LIST_EVENTS, LIST_DAY, LIST_MILLISECOND -> list(metrics, query.listRequest(match));
            case GET_EVENT ->
                Reply.json(
                        200,
                        EventJson.write(service.get(
                                match.parameter(ApiRoute.DATE),
                                match.parameter(ApiRoute.TIME),
                                match.parameter(ApiRoute.EVENT_ID))),
                        1);
            case RECORD_EVENTS ->
                record(
                        metrics,
                        RequestBody.text(
                                request.getBody(),
                                request.getIsBase64Encoded(),
                                RequestBody.header(request.getHeaders(), RequestBody.CONTENT_ENCODING)));
        };
    }

    private Reply list(InvocationMetrics metrics, ListRequest listRequest) {
        EventQuery query = listRequest.toQuery();
        EventPage page = PageBudget.fit(query, service.list(query, listRequest.nextToken()));
        metrics.readPage(page.items().size());
        return Reply.json(200, PageJson.write(page), page.items().size());
    }

    private Reply record(InvocationMetrics metrics, String body) {
        PostBody parsed = PostBody.read(body);
        List<EventDraft> drafts = parsed.drafts();
        // A body without syntax errors is validated once, by the use case (its InvalidInputException is the same
        // 400). With syntax errors, the domain's rules (and the batch's) come from the core too, and those a syntax
        // error does not already cover are added to the body's own, so one answer names every problem.
        if (!parsed.errors().isEmpty()) {
            List<FieldError> domain = parsed.batch()
                    ? EventLogService.batchErrors(drafts)
                    : drafts.stream().flatMap(draft -> draft.errors().stream()).toList();
            throw ApiProblem.invalid(parsed.withDomainErrors(domain));
        }
        if (!parsed.batch()) {
            AppendResult result = service.record(drafts.get(0));
            metrics.wrote(result.outcome());
            EventRecord event = result.event();
            String stored = EventJson.write(event);
            if (result.outcome() == AppendOutcome.CREATED) {
                Reply reply = Reply.json(201, stored, 1);
                reply.headers()
                        .put(
                                "Location",
                                ApiRoute.GET_EVENT.path(
                                        event.key().dateText(), event.key().timeText(), event.eventId()));
                return reply;
            }
            return Reply.json(200, stored, 1);
        }
        BatchResult batch = service.recordAll(drafts);
        metrics.wroteAll(batch.results());
        int status = switch (batch.overall()) {
            case CONFLICT -> 409;
            case CREATED -> 201;
            case EXISTING -> 200;
        };
        return Reply.json(status, BatchJson.write(batch), batch.results().size());
    }

    /** A response in the making: status, headers, body, and how many events it carries (for the log). */
    private record Reply(int status, Map<String, String> headers, String body, int itemCount) {

        static Reply json(int status, String body, int itemCount) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", MediaTypes.JSON);
            return new Reply(status, headers, body, itemCount);
        }

        static Reply problem(
                ProblemType type, String detail, List<FieldError> errors, Map<String, String> extraHeaders) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", MediaTypes.PROBLEM_JSON);
            headers.putAll(extraHeaders);
            return new Reply(type.status(), headers, ProblemJson.write(type, detail, errors), 0);
        }
    }
}
