package dev.eventlog.local;

import dev.eventlog.http.JsonText;
import java.io.PrintStream;
import java.util.Map;

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
        out.println(JsonText.write(line -> {
            line.beginObject();
            for (Map.Entry<String, String> field : entry.fields().entrySet()) {
                line.name(field.getKey()).value(field.getValue());
            }
            line.endObject();
        }));
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
