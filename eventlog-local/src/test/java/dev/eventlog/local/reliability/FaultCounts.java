package dev.eventlog.local.reliability;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Test harness: what the {@link FaultProxy} saw, counted per fault kind, thread-safe. */
final class FaultCounts {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLongArray injected = new AtomicLongArray(FaultKind.values().length);

    void request() {
        requests.incrementAndGet();
    }

    void forwarded() {
        forwarded.incrementAndGet();
    }

    void inject(FaultKind kind) {
        injected.incrementAndGet(kind.ordinal());
    }

    long requests() {
        return requests.get();
    }

    /** Requests that reached the store (delayed and dropped-response ones included). */
    long forwardedCount() {
        return forwarded.get();
    }

    long injected(FaultKind kind) {
        return injected.get(kind.ordinal());
    }

    long injectedTotal() {
        long total = 0;
        for (FaultKind kind : FaultKind.values()) {
            total += injected(kind);
        }
        return total;
    }

    Map<FaultKind, Long> perKind() {
        Map<FaultKind, Long> out = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            out.put(kind, injected(kind));
        }
        return out;
    }

    /** A copy of the counts as they are now. */
    FaultCounts snapshot() {
        FaultCounts copy = new FaultCounts();
        copy.requests.set(requests());
        copy.forwarded.set(forwardedCount());
        for (FaultKind kind : FaultKind.values()) {
            copy.injected.set(kind.ordinal(), injected(kind));
        }
        return copy;
    }

    @Override
    public String toString() {
        return "requests=" + requests() + " forwarded=" + forwardedCount() + " injected=" + injectedTotal() + " "
                + perKind();
    }
}
