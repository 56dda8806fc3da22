package dev.eventlog.bench.paired;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Two calls timed alternately in one JVM, A, B, A, B..., and which goes first alternating too, so that drift in a
 * shared machine or in the emulator hits both alike and neither always follows the other.
 */
final class Alternation {

    /** The measured times of A and of B, in nanoseconds, one per measured pair. */
    record Times(long[] a, long[] b) {

        /** A line of the paired TSVs: A's p50 and p99, then B's, in microseconds, then the number of pairs. */
        String columns() {
            return String.format("%.1f\t%.1f\t%.1f\t%.1f\t%d", micros(a, 50), micros(a, 99), micros(b, 50), micros(b, 99),
                    a.length);
        }
    }

    private Alternation() {
    }

    /** Runs {@code warmup} pairs, then {@code measured} timed ones; each call is given the pair's number. */
    static Times run(int warmup, int measured, IntConsumer a, IntConsumer b) {
        long[] aNanos = new long[measured];
        long[] bNanos = new long[measured];
        for (int i = 0; i < warmup + measured; i++) {
            long aTime;
            long bTime;
            if (i % 2 == 0) {
                aTime = timed(a, i);
                bTime = timed(b, i);
            } else {
                bTime = timed(b, i);
                aTime = timed(a, i);
            }
            if (i >= warmup) {
                aNanos[i - warmup] = aTime;
                bNanos[i - warmup] = bTime;
            }
        }
        return new Times(aNanos, bNanos);
    }

    /** The {@code percent}th percentile of the times, in microseconds. */
    static double micros(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    private static long timed(IntConsumer call, int n) {
        long started = System.nanoTime();
        call.accept(n);
        return System.nanoTime() - started;
    }
}
