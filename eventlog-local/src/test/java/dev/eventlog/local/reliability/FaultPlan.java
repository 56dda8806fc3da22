package dev.eventlog.local.reliability;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Test harness: how often the {@link FaultProxy} injects each {@link FaultKind}, as a probability per request,
 * and how long a delayed request is held.
 */
record FaultPlan(Map<FaultKind, Double> rates, Duration delay) {

    FaultPlan {
        rates = Map.copyOf(rates);
        double total = rates.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 1.0 + 1e-9 || rates.values().stream().anyMatch(rate -> rate < 0)) {
            throw new IllegalArgumentException("fault rates must be probabilities adding up to at most 1: " + rates);
        }
    }

    /** No faults: every request is forwarded. */
    static FaultPlan none() {
        return new FaultPlan(Map.of(), Duration.ZERO);
    }

    /** Each kind at the same rate, adding up to {@code total}. */
    static FaultPlan evenly(double total, Duration delay) {
        Map<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            rates.put(kind, total / FaultKind.values().length);
        }
        return new FaultPlan(rates, delay);
    }

    /** Only the given kind, at the given rate. */
    static FaultPlan only(FaultKind kind, double rate, Duration delay) {
        return new FaultPlan(Map.of(kind, rate), delay);
    }

    /**
     * The fault for a request given a uniform draw in [0, 1); null to forward it untouched. A drop of the response
     * only applies to writes: for a read the draw forwards it.
     */
    FaultKind pick(double draw, boolean write) {
        double cumulative = 0;
        for (FaultKind kind : FaultKind.values()) {
            cumulative += rates.getOrDefault(kind, 0.0);
            if (draw < cumulative) {
                return kind == FaultKind.WRITE_THEN_DROP_RESPONSE && !write ? null : kind;
            }
        }
        return null;
    }
}
