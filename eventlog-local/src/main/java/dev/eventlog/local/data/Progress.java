package dev.eventlog.local.data;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/** A line on stderr with the count so far and the rate, at most once a second, so a long run shows it is alive. */
public final class Progress {

    private static final long SECOND = 1_000_000_000L;

    private final PrintStream err;
    private final String what;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastShown;

    public Progress(PrintStream err, String what, LongSupplier nanoClock) {
        this.err = err;
        this.what = what;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastShown = started;
    }

    /** Shows {@code count} when a second has passed since the last line. */
    public void update(long count) {
        long now = nanoClock.getAsLong();
        if (now - lastShown >= SECOND) {
            lastShown = now;
            err.println(line(count, now));
        }
    }

    /** The closing line, whatever the time. */
    public String line(long count) {
        return line(count, nanoClock.getAsLong());
    }

    private String line(long count, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        return what + " " + count + " events (" + Math.round(count / seconds) + " events/s)";
    }
}
