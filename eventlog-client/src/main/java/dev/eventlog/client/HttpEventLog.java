package dev.eventlog.client;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.PageToken;
import dev.eventlog.core.usecase.BatchResult;
import dev.eventlog.core.usecase.EventPage;
import dev.eventlog.http.ApiRoute;
import dev.eventlog.http.BatchJson;
import dev.eventlog.http.EventJson;
import dev.eventlog.http.ListTarget;
import dev.eventlog.http.PageJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adapter: {@link EventLogPort} over the EventLog HTTP API, so that code written against the core (the use cases,
 * {@link dev.eventlog.core.publish.EventPublisher}) records to a deployed API, or to {@code serve}, by swapping this
 * one object for {@code InMemoryEventLog}. Built with {@link #builder()}; thread-safe.
 *
 * <p>Writes go to {@code POST /events} as arrays of at most 25 events, each with its final identity (date, time,
 * eventId), so a retried request changes nothing that an earlier attempt stored. Reads follow the four list and get
 * routes; the port's resume keys travel as the API's {@code nextToken}. A request is retried on connection failures,
 * timeouts, 429 and 5xx, within the builder's limits, then fails with
 * {@link dev.eventlog.core.domain.StoreUnavailableException}; refused credentials fail at once with
 * {@link dev.eventlog.core.domain.StoreConfigurationException}.
 */
public final class HttpEventLog implements EventLogPort {

    private final RetryingTransport transport;

    HttpEventLog(RetryingTransport transport) {
        this.transport = transport;
    }

    /** A builder that needs at least the API's endpoint. */
    public static HttpEventLogBuilder builder() {
        return new HttpEventLogBuilder();
    }

    @Override
    public AppendResult append(EventRecord event) {
        return appendAll(List.of(event)).get(0);
    }

    @Override
    public List<AppendResult> appendAll(List<EventRecord> events) {
        AppendResult[] results = new AppendResult[events.size()];
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (ForeignDerivedIds.refusals(events.get(i)).isEmpty()) {
                sent.add(i);
            }
        }
        List<EventRecord> sendable = sent.stream().map(events::get).toList();
        int next = 0;
        for (List<EventRecord> chunk : BatchChunks.of(sendable)) {
            for (AppendResult result : post(chunk)) {
                results[sent.get(next++)] = result;
            }
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = atForeignKey(events.get(i));
            }
        }
        return List.of(results);
    }

    /** The outcome for a record whose id the API refuses: what its key already holds decides it. */
    private AppendResult atForeignKey(EventRecord event) {
        Optional<EventRecord> stored = find(event.key());
        if (stored.isEmpty()) {
            throw new InvalidInputException(ForeignDerivedIds.refusals(event));
        }
        return stored.get().equals(event) ? AppendResult.existing(event) : AppendResult.conflict(event);
    }

    private List<AppendResult> post(List<EventRecord> chunk) {
        ApiCall call =
                ApiCall.post(ApiRoute.RECORD_EVENTS, EventJson.writeAll(chunk).getBytes(StandardCharsets.UTF_8));
        Answer answer = transport.send(call);
        boolean outcomes = answer.status() == 200 || answer.status() == 201 || answer.status() == 409;
        if (!outcomes || !answer.isJson()) {
            throw AnswerFailures.of(call, answer);
        }
        BatchResult batch = read(call, () -> BatchJson.read(answer.body()));
        List<AppendResult> results = batch.results();
        for (int i = 0; i < chunk.size() && results.size() == chunk.size(); i++) {
            if (!results.get(i).event().key().equals(chunk.get(i).key())) {
                results = List.of();
            }
        }
        if (results.size() != chunk.size()) {
            throw AnswerFailures.unreadable(
                    call, new IllegalStateException("its outcomes do not match the " + chunk.size() + " events sent"));
        }
        return results;
    }

    @Override
    public Optional<EventRecord> find(EventKey key) {
        ApiCall call =
                ApiCall.get(ApiRoute.GET_EVENT, ApiRoute.GET_EVENT.path(key.dateText(), key.timeText(), key.eventId()));
        Answer answer = transport.send(call);
        if (AnswerFailures.isNotFound(answer)) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw AnswerFailures.of(call, answer);
        }
        return Optional.of(read(call, () -> EventJson.read(answer.body())));
    }

    @Override
    public Page query(EventQuery query, Optional<EventKey> after) {
        ListTarget target = ListTarget.of(
                query, after.map(key -> PageToken.encode(query, key)).orElse(null));
        ApiCall call = ApiCall.get(target.route(), target.pathAndQuery());
        Answer answer = transport.send(call);
        if (answer.status() != 200) {
            throw AnswerFailures.of(call, answer);
        }
        EventPage page = read(call, () -> PageJson.read(answer.body()));
        return new Page(page.items(), page.nextToken().map(token -> read(call, () -> PageToken.decode(query, token))));
    }

    /** A document read from a successful answer; one this client cannot read is the API's fault, not the caller's. */
    private static <T> T read(ApiCall call, java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (InvalidInputException e) {
            throw AnswerFailures.unreadable(call, e);
        }
    }
}
