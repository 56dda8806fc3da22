package dev.eventlog.bench.handler;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.lambda.EventLogHandler;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Builds a handler whose access log is written nowhere. In a Lambda the log line goes to standard output and
 * is shipped outside the invocation; here the line is still built, so its cost stays in the figures, but a
 * benchmark's million lines do not flood the console.
 */
public final class QuietHandler {

    private QuietHandler() {
    }

    public static synchronized EventLogHandler on(EventLogPort port) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return new EventLogHandler(port);
        } finally {
            System.setOut(out);
        }
    }
}
