package dev.eventlog.bench.report;

/** Whether a figure meets its target and, when it does not, by how much. */
final class Verdict {

    private Verdict() {
    }

    /** For targets of the form "at most {@code limit}" (or "under", which is the same for measured values). */
    static String atMost(double value, double limit, String unit, String pattern) {
        if (Double.isNaN(value)) {
            return "not measured";
        }
        if (value <= limit) {
            return "**pass**";
        }
        return String.format("**miss** by " + pattern + " %s (%+.0f%%)", value - limit, unit, (value / limit - 1) * 100);
    }

    /** For targets of the form "at least {@code limit}". */
    static String atLeast(double value, double limit, String unit, String pattern) {
        if (Double.isNaN(value)) {
            return "not measured";
        }
        if (value >= limit) {
            return "**pass**";
        }
        return String.format("**miss** by " + pattern + " %s (%.0f%%)", limit - value, unit, (value / limit - 1) * 100);
    }
}
