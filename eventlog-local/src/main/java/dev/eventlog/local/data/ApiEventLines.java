package dev.eventlog.local.data;

import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.http.ApiProblem;
import dev.eventlog.http.EventJson;
import dev.eventlog.http.PostBody;

/**
 * Lines in the API's own JSON: an event is written exactly as a GET returns it, a stored event read back by the same
 * contract, and a line to import read as strictly as one event of a POST body.
 */
public final class ApiEventLines implements EventLines {

    public static final ApiEventLines LINES = new ApiEventLines();

    private ApiEventLines() {}

    @Override
    public String write(EventRecord event) {
        return EventJson.write(event);
    }

    @Override
    public EventRecord read(String line) {
        return EventJson.read(line);
    }

    @Override
    public EventDraft draft(String line) {
        PostBody body;
        try {
            body = PostBody.read(line);
        } catch (ApiProblem problem) {
            throw new InvalidInputException("event", problem.getMessage());
        }
        if (body.batch()) {
            throw new InvalidInputException("event", "a line holds one event object, not an array");
        }
        if (!body.errors().isEmpty()) {
            throw new InvalidInputException(body.errors());
        }
        return body.drafts().get(0);
    }
}
