package dev.eventlog.lambda.local;

import dev.eventlog.lambda.EventLogHandler;

/**
 * Entry point of the shaded jar ({@code java -jar eventlog-lambda.jar serve|invoke|--help}): the deployed handler,
 * {@link EventLogHandler}, behind a local emulation of its HTTP API, on the store the options choose.
 */
public final class LocalRunner {

    private LocalRunner() {
    }

    public static void main(String[] args) {
        // The SDK's signers log through SLF4J; without a binding SLF4J would print a three-line warning at start.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        int status = new RunnerCli(EventLogHandler::new, System.getenv(), System.in, System.out, System.err)
                .run(args);
        System.exit(status);
    }
}
