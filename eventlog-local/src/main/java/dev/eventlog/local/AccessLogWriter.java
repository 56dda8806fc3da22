package dev.eventlog.local;

import com.google.gson.JsonObject;
import dev.eventlog.lambda.JsonText;
import java.io.PrintStream;

/** Writes access-log entries as one JSON object per line, whole lines only, from any number of threads. */
public final class AccessLogWriter implements AutoCloseable {

    private final PrintStream out;
    private final boolean ownsStream;

    public AccessLogWriter(PrintStream out, boolean ownsStream) {
        this.out = out;
        this.ownsStream = ownsStream;
    }

    /** Appends one line. */
    public synchronized void write(AccessLogEntry entry) {
        JsonObject line = new JsonObject();
        entry.fields().forEach(line::addProperty);
        out.println(JsonText.of(line));
        out.flush();
    }

    @Override
    public synchronized void close() {
        out.flush();
        if (ownsStream) {
            out.close();
        }
    }
}
