package dev.eventlog.local.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.inmemory.InMemoryEventLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An export stopped between any two pages, by the user or by a store failure, and resumed from the point it
 * printed, writes exactly what one uninterrupted run writes: no event repeated, none skipped.
 */
class ExporterResumeTest {

    private final Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream()), "exported", () -> 0L);

    /** The in-memory store, failing its n-th query. */
    private static class FailingOnce implements EventLogPort {
        private final EventLogPort store;
        private final AtomicInteger queriesLeft;

        FailingOnce(EventLogPort store, int failAt) {
            this.store = store;
            this.queriesLeft = new AtomicInteger(failAt);
        }

        @Override
        public AppendResult append(EventRecord event) {
            return store.append(event);
        }

        @Override
        public List<AppendResult> appendAll(List<EventRecord> events) {
            return store.appendAll(events);
        }

        @Override
        public Optional<EventRecord> find(EventKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page query(EventQuery query, Optional<EventKey> after) {
            if (queriesLeft.decrementAndGet() == 0) {
                throw new StoreUnavailableException("the store went away", null);
            }
            return store.query(query, after);
        }
    }

    private static InMemoryEventLog storeWith(int events, int days) {
        InMemoryEventLog store = new InMemoryEventLog();
        List<EventRecord> all = EventLinesFixture.events(events, days);
        for (int i = 0; i < all.size(); i += 25) {
            store.appendAll(all.subList(i, Math.min(all.size(), i + 25)));
        }
        return store;
    }

    private String oneRun(EventLogPort store, ExportSelection selection) throws IOException {
        StringWriter out = new StringWriter();
        Exporter.Result result = new Exporter(new EventLogService(store, Clock.systemUTC()), ApiEventLines.LINES)
                .run(selection, Optional.empty(), out, quiet, () -> false);
        assertTrue(result.finished());
        return out.toString();
    }

    @ParameterizedTest(name = "{0} events over {1} days, everything={2}")
    @CsvSource({"2500, 1, true", "3000, 7, true", "2500, 1, false"})
    void stoppedBetweenAnyTwoPages_andResumed_writesWhatOneRunWrites(int events, int days, boolean everything)
            throws IOException {
        InMemoryEventLog store = storeWith(events, days);
        ExportSelection selection = everything
                ? ExportSelection.everything(Optional.empty())
                : ExportSelection.day(LocalDate.parse("2024-07-01"), Optional.empty());
        String expected = oneRun(store, selection);
        assertEquals(events, expected.lines().count());

        for (int stopAt = 0; ; stopAt++) {
            StringWriter out = new StringWriter();
            AtomicInteger asked = new AtomicInteger();
            int limit = stopAt;
            Exporter exporter = new Exporter(new EventLogService(store, Clock.systemUTC()), ApiEventLines.LINES);
            Exporter.Result first =
                    exporter.run(selection, Optional.empty(), out, quiet, () -> asked.incrementAndGet() > limit);
            if (first.finished()) {
                assertEquals(expected, out.toString());
                break;
            }
            ResumePoint printed = ResumePoint.parse(first.resumeAt().get().token());
            Exporter.Result rest = exporter.run(selection, Optional.of(printed), out, quiet, () -> false);
            assertTrue(rest.finished());
            assertEquals(first.written() + rest.written(), events);
            assertEquals(expected, out.toString(), "stopped before page " + stopAt);
        }
    }

    @ParameterizedTest(name = "store fails at query {0}")
    @CsvSource({"1", "2", "3", "4", "5", "6"})
    void aStoreFailure_leavesWholePagesAndAPoint_thatContinuesWithTheNextEvent(int failAt) throws IOException {
        InMemoryEventLog store = storeWith(3000, 3);
        ExportSelection everything = ExportSelection.everything(Optional.empty());
        String expected = oneRun(store, everything);

        StringWriter out = new StringWriter();
        EventLogService failing = new EventLogService(new FailingOnce(store, failAt), Clock.systemUTC());
        Optional<ResumePoint> resume;
        try {
            new Exporter(failing, ApiEventLines.LINES).run(everything, Optional.empty(), out, quiet, () -> false);
            throw new AssertionError("the store's failure was not reported");
        } catch (Exporter.Interrupted failure) {
            assertEquals(failure.written(), out.toString().lines().count());
            resume = Optional.of(ResumePoint.parse(failure.resumeAt().token()));
        } catch (StoreUnavailableException beforeAnyEvent) {
            // Failing while the days are found, before a line is written: there is nothing to resume.
            assertEquals("", out.toString());
            resume = Optional.empty();
        }

        new Exporter(new EventLogService(store, Clock.systemUTC()), ApiEventLines.LINES)
                .run(everything, resume, out, quiet, () -> false);
        assertEquals(expected, out.toString());
    }

    @Test
    void eachPageIsWrittenBeforeTheNextIsRead_soAnExportHoldsOnePageAtATime() throws IOException {
        InMemoryEventLog store = storeWith(2500, 1);
        StringWriter out = new StringWriter();
        List<Long> linesBeforeEachRead = new ArrayList<>();
        EventLogPort watched = new FailingOnce(store, -1) {
            @Override
            public Page query(EventQuery query, Optional<EventKey> after) {
                linesBeforeEachRead.add(out.toString().lines().count());
                return super.query(query, after);
            }
        };
        new Exporter(new EventLogService(watched, Clock.systemUTC()), ApiEventLines.LINES)
                .run(
                        ExportSelection.day(LocalDate.parse("2024-07-01"), Optional.empty()),
                        Optional.empty(),
                        out,
                        quiet,
                        () -> false);

        assertEquals(List.of(0L, 1000L, 2000L), linesBeforeEachRead);
    }
}
