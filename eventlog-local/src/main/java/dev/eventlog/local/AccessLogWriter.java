package dev.eventlog.local;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintStream;

/** Writes access-log entries as one JSON object per line, whole lines only, from any number of threads. */
public final class AccessLogWriter implements AutoCloseable {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final PrintStream out;
    private final boolean ownsStream;

    public AccessLogWriter(PrintStream out, boolean ownsStream) {
        this.out = out;
        this.ownsStream = ownsStream;
    }

    /** Appends one line. */
    public synchronized void write(AccessLogEntry entry) {
        out.println(GSON.toJson(entry.fields()));
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
