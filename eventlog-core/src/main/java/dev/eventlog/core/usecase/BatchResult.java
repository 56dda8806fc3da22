package dev.eventlog.core.usecase;

import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import java.util.List;

/** The per-event outcomes of a batch, in request order, with counts. */
public record BatchResult(List<AppendResult> results) {

    public BatchResult {
        results = List.copyOf(results);
    }

    public long count(AppendOutcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** The batch's overall outcome: conflict if any conflicted, else created if any was created, else existing. */
    public AppendOutcome overall() {
        if (count(AppendOutcome.CONFLICT) > 0) {
            return AppendOutcome.CONFLICT;
        }
        return count(AppendOutcome.CREATED) > 0 ? AppendOutcome.CREATED : AppendOutcome.EXISTING;
    }
}
