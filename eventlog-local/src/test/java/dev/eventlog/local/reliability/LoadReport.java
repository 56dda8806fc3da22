package dev.eventlog.local.reliability;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Test harness: what a {@link LoadGenerator} run measured. */
record LoadReport(
        long requests,
        long errors,
        Map<String, Long> errorKinds,
        long[] perSlice,
        double sliceSeconds,
        double p50Millis,
        double p99Millis,
        double maxMillis) {

    LoadReport {
        errorKinds = new TreeMap<>(errorKinds);
        perSlice = perSlice.clone();
    }

    /** Requests per second over the given slices [from, to). */
    double throughput(int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += perSlice[i];
        }
        return sum / ((to - from) * sliceSeconds);
    }

    @Override
    public String toString() {
        return String.format(
                "requests=%d errors=%d %s p50=%.2fms p99=%.2fms max=%.1fms req/s per %.1fs slice=%s",
                requests,
                errors,
                errorKinds,
                p50Millis,
                p99Millis,
                maxMillis,
                sliceSeconds,
                Arrays.toString(Arrays.stream(perSlice)
                        .mapToObj(n -> Math.round(n / sliceSeconds))
                        .toArray()));
    }
}
