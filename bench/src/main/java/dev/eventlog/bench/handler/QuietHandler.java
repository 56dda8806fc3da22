package dev.eventlog.bench.handler;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.lambda.EventLogHandler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;

/**
 * Builds a handler whose access log is written nowhere. In a Lambda the log line goes to standard output and
 * is shipped outside the invocation; here the line is still built, so its cost stays in the figures, but a
 * benchmark's million lines do not flood the console.
 */
public final class QuietHandler {

    private QuietHandler() {
    }

    public static EventLogHandler on(EventLogPort port) {
        return new EventLogHandler(new EventLogService(port, Clock.systemUTC()), new PrintStream(OutputStream.nullOutputStream()));
    }
}
