package dev.eventlog.local.data;

import dev.eventlog.core.domain.EventConflictException;
import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.usecase.BatchResult;
import dev.eventlog.core.usecase.EventLogService;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Records NDJSON lines through the use cases, in batches of {@value EventLogService#MAX_BATCH}: each line is read
 * as an event object (our export, or any object with the API's event fields), validated as a POST's event would
 * be, and then created, found existing, or found conflicting; a line that is no valid event is invalid. A line
 * without a time is invalid too: it would be stamped anew on each import, and an import of the same file twice must
 * add nothing. Invalid and conflicting lines are reported with their number and do not stop the import, unless
 * strict: then lines are recorded one at a time, and the first bad line ends the import with nothing after it
 * stored.
 */
public final class Importer {

    /** The counts of an import, and whether it stopped at a line (strict). */
    public record Summary(long created, long existing, long conflicting, long invalid, boolean stopped) {
        public long lines() {
            return created + existing + conflicting + invalid;
        }

        /** True when every line was created or already there. */
        public boolean clean() {
            return conflicting == 0 && invalid == 0 && !stopped;
        }
    }

    private final EventLogService service;
    private final EventLines lines;

    public Importer(EventLogService service, EventLines lines) {
        this.service = service;
        this.lines = lines;
    }

    /**
     * Imports every line of {@code in}; {@code report} is told each invalid or conflicting line ({@code line N:
     * ...}), {@code progress} the number of lines done.
     */
    public Summary run(BufferedReader in, boolean strict, Consumer<String> report, Progress progress)
            throws IOException {
        long[] counts = new long[4];
        // Strict records line by line, so that it stops exactly at the first bad line with nothing after it stored.
        int batchSize = strict ? 1 : EventLogService.MAX_BATCH;
        List<Pending> batch = new ArrayList<>(batchSize);
        long number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String problem = null;
            EventDraft draft = null;
            try {
                draft = lines.draft(line);
                problem = problemOf(draft);
            } catch (InvalidInputException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                counts[3]++;
                report.accept("line " + number + ": invalid: " + problem);
                if (strict) {
                    return summary(counts, true);
                }
                continue;
            }
            batch.add(new Pending(number, draft));
            if (batch.size() == batchSize) {
                if (record(batch, counts, report) && strict) {
                    return summary(counts, true);
                }
                batch.clear();
                progress.update(counts[0] + counts[1] + counts[2] + counts[3]);
            }
        }
        boolean conflicted = record(batch, counts, report);
        return summary(counts, strict && conflicted);
    }

    private static String problemOf(EventDraft draft) {
        if (draft.stampedByServer()) {
            return "has no date and time (nor timestamp): each import would record it as a new event";
        }
        List<FieldError> errors = draft.errors();
        return errors.isEmpty() ? null : describe(errors);
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
    }

    /** Records a batch; true when a line of it conflicted. */
    private boolean record(List<Pending> batch, long[] counts, Consumer<String> report) {
        if (batch.isEmpty()) {
            return false;
        }
        List<AppendResult> results;
        try {
            BatchResult recorded =
                    service.recordAll(batch.stream().map(Pending::draft).toList());
            results = recorded.results();
        } catch (InvalidInputException e) {
            // A rule the batch as a whole broke (an event already past the retention period): one by one, so each
            // line is told its own outcome.
            results = null;
        }
        boolean conflicted = false;
        for (int i = 0; i < batch.size(); i++) {
            AppendOutcome outcome;
            if (results != null) {
                outcome = results.get(i).outcome();
            } else {
                try {
                    outcome = service.record(batch.get(i).draft()).outcome();
                } catch (EventConflictException e) {
                    outcome = AppendOutcome.CONFLICT;
                } catch (InvalidInputException e) {
                    counts[3]++;
                    report.accept("line " + batch.get(i).number() + ": invalid: " + describe(e.errors()));
                    continue;
                }
            }
            switch (outcome) {
                case CREATED -> counts[0]++;
                case EXISTING -> counts[1]++;
                case CONFLICT -> {
                    counts[2]++;
                    conflicted = true;
                    report.accept("line " + batch.get(i).number()
                            + ": conflicting: another event with different content is stored at its date, time and"
                            + " eventId");
                }
            }
        }
        return conflicted;
    }

    private static Summary summary(long[] counts, boolean stopped) {
        return new Summary(counts[0], counts[1], counts[2], counts[3], stopped);
    }

    private record Pending(long number, EventDraft draft) {}
}
