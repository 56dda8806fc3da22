package dev.eventlog.client;

import dev.eventlog.core.domain.EventLogException;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.http.Problem;
import dev.eventlog.http.ProblemJson;
import dev.eventlog.http.ProblemType;
import java.util.Optional;

/**
 * The core's exception for an answer the client cannot use, the inverse of how the function turns the core's
 * exceptions into problems: 400 and 413 are the caller's input ({@link InvalidInputException}, with the API's field
 * errors as they were reported); 401 and 403 are credentials or permissions, and any other answer means the client
 * is not talking to the API it was set up for ({@link StoreConfigurationException}): retrying would not change
 * either. 429 and 5xx never arrive here; they are retried and end as unavailability.
 */
final class AnswerFailures {

    private AnswerFailures() {}

    static EventLogException of(ApiCall call, Answer answer) {
        Optional<Problem> problem = problem(answer);
        int status = answer.status();
        if (status == 400 || status == 413) {
            if (problem.isPresent() && !problem.get().errors().isEmpty()) {
                return new InvalidInputException(problem.get().errors());
            }
            return new InvalidInputException(
                    status == 413 ? "events" : "request",
                    problem.map(Problem::detail).orElse(answer.bodyExcerpt()));
        }
        if (status == 401 || status == 403) {
            return new StoreConfigurationException(
                    "the EventLog API refused the request (" + status
                            + answer.errorType().map(type -> " " + type).orElse("") + "): " + answer.bodyExcerpt()
                            + "; check the region, the credentials, and that they may call execute-api:Invoke on"
                            + " the API's routes",
                    null);
        }
        return new StoreConfigurationException(
                call.describe() + " was answered " + status + ", which the EventLog API does not answer to it: "
                        + problem.map(Problem::detail).orElse(answer.bodyExcerpt())
                        + "; check that the endpoint is the API's base URL",
                null);
    }

    /** Whether the answer is the API's own 404 for an event that does not exist. */
    static boolean isNotFound(Answer answer) {
        return answer.status() == 404
                && problem(answer).flatMap(Problem::problemType).orElse(null) == ProblemType.NOT_FOUND;
    }

    private static Optional<Problem> problem(Answer answer) {
        if (!answer.isProblem()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProblemJson.read(answer.body()));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /**
     * A document of a successful answer that could not be read: the API and this client disagree about the
     * contract, which no retry mends.
     */
    static StoreConfigurationException unreadable(ApiCall call, RuntimeException cause) {
        return new StoreConfigurationException(
                "the answer to " + call.describe() + " is not what the EventLog API sends: " + cause.getMessage(),
                cause);
    }
}
