package dev.eventlog.infra;

import java.util.List;

/**
 * Thrown when the props of an {@link EventLog} or the app's CDK context hold values that cannot be deployed; lists
 * every problem at once.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private final List<String> problems;

    InvalidConfigurationException(String heading, List<String> problems) {
        super(heading + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one sentence naming the prop or context key. */
    public List<String> problems() {
        return problems;
    }
}
