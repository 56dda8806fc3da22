package dev.eventlog.local.data;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.core.usecase.EventPage;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Writes a selection's events as NDJSON, one page at a time in key order, holding no more than that page: after
 * each page the lines are flushed and the resume point moves past them, so a stop (asked for, or a store failure)
 * always leaves whole pages written and a point that continues with the next event, none repeated or skipped.
 */
public final class Exporter {

    /** How an export ended: the events it wrote, and where to continue when it did not finish. */
    public record Result(long written, Optional<ResumePoint> resumeAt) {
        public boolean finished() {
            return resumeAt.isEmpty();
        }
    }

    private final EventLogService service;
    private final EventLines lines;

    public Exporter(EventLogService service, EventLines lines) {
        this.service = service;
        this.lines = lines;
    }

    /**
     * Runs the export from {@code resume} (or the start) until the end, until {@code stop} says so between pages, or
     * until the store fails; a failure is thrown as {@link Interrupted}, carrying what was written and where to
     * continue.
     */
    public Result run(
            ExportSelection selection,
            Optional<ResumePoint> resume,
            Writer out,
            Progress progress,
            BooleanSupplier stop)
            throws IOException {
        List<ExportPlan.Part> parts = ExportPlan.parts(selection, service);
        int first = 0;
        Optional<String> token = Optional.empty();
        if (resume.isPresent()) {
            first = indexOf(parts, resume.get().part());
            token = first < parts.size()
                            && parts.get(first).start().equals(resume.get().part())
                    ? resume.get().pageToken()
                    : Optional.empty();
        }
        long written = 0;
        for (int i = first; i < parts.size(); i++) {
            ExportPlan.Part part = parts.get(i);
            do {
                ResumePoint here = new ResumePoint(part.start(), token);
                if (stop.getAsBoolean()) {
                    return new Result(written, Optional.of(here));
                }
                EventPage page;
                try {
                    page = service.list(part.query(), token.orElse(null));
                } catch (RuntimeException e) {
                    throw new Interrupted(written, here, e);
                }
                for (EventRecord event : page.items()) {
                    out.write(lines.write(event));
                    out.write('\n');
                }
                out.flush();
                written += page.items().size();
                progress.update(written);
                token = page.nextToken();
            } while (token.isPresent());
        }
        return new Result(written, Optional.empty());
    }

    /**
     * The part a resume point names, or the first that starts after it (a day that no longer holds events is not
     * found again, and the next one is where to go on).
     */
    private static int indexOf(List<ExportPlan.Part> parts, String start) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).start().compareTo(start) >= 0) {
                return i;
            }
        }
        return parts.size();
    }

    /** A store failure part way: what was written before it, and where to continue. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient long written;
        private final transient ResumePoint resumeAt;

        Interrupted(long written, ResumePoint resumeAt, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.written = written;
            this.resumeAt = resumeAt;
        }

        public long written() {
            return written;
        }

        public ResumePoint resumeAt() {
            return resumeAt;
        }
    }
}
