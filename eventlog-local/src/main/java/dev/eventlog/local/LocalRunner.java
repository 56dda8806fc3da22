package dev.eventlog.local;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.lambda.EventLogHandler;
import java.time.Clock;

/**
 * Entry point of the runner's jar ({@code java -jar eventlog-local.jar serve|invoke|generate-event|--help}): the
 * deployed handler, {@link EventLogHandler}, behind a local emulation of its HTTP API, on the store the options
 * choose.
 */
public final class LocalRunner {

    private LocalRunner() {
    }

    public static void main(String[] args) {
        // The SDK's signers log through SLF4J; without a binding SLF4J would print a three-line warning at start.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        int status = new RunnerCli(LocalRunner::handler, System.getenv(), System.in, System.out, System.err).run(args);
        System.exit(status);
    }

    /** The deployed handler on the store the runner opened, with the system clock: the local object graph. */
    public static EventLogHandler handler(EventLogPort store) {
        return new EventLogHandler(new EventLogService(store, Clock.systemUTC()));
    }
}
