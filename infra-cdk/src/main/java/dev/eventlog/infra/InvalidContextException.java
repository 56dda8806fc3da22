package dev.eventlog.infra;

import java.util.List;

/** Thrown when the CDK context holds values the app cannot deploy; lists every problem at once. */
public final class InvalidContextException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidContextException(List<String> problems) {
        super("Invalid CDK context:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one sentence naming the context key. */
    public List<String> problems() {
        return problems;
    }
}
