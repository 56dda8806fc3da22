package dev.eventlog.local;

import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.local.data.EventLines;
import dev.eventlog.local.data.Exporter;
import dev.eventlog.local.data.Progress;
import dev.eventlog.local.data.ResumePoint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code export}: the selected events as NDJSON to a file or stdout, with progress on stderr. Ctrl-C lets the page
 * being written finish, then prints the resume point; so does a store failure. An output file that exists is
 * refused unless the export resumes into it, so nothing is written over by accident.
 */
final class ExportCommand {

    private ExportCommand() {}

    static int run(ExportOptions options, EventLines lines, OutputStream stdout, PrintStream err) throws IOException {
        Optional<ResumePoint> resume;
        try {
            resume = options.resume().map(ResumePoint::parse);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return RunnerCli.USAGE;
        }
        if (options.out().isPresent()
                && resume.isEmpty()
                && Files.exists(options.out().get())
                && Files.size(options.out().get()) > 0) {
            err.println("error: --out " + options.out().get() + " exists; remove it, choose another file, or give"
                    + " --resume to continue an export into it");
            return RunnerCli.USAGE;
        }
        try (OpenedStore store = StoreFactory.open(options.store(), err::println)) {
            EventLogService service = new EventLogService(store.port(), Clock.systemUTC(), store.retention());
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(1);
            Thread hook = new Thread(
                    () -> {
                        stop.set(true);
                        try {
                            done.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "export-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try (Writer out = writer(options, stdout)) {
                Progress progress = new Progress(err, "exported", System::nanoTime);
                Exporter.Result result =
                        new Exporter(service, lines).run(options.selection(), resume, out, progress, stop::get);
                if (result.finished()) {
                    err.println(progress.line(result.written()) + "; done");
                    return RunnerCli.OK;
                }
                err.println("export stopped after " + result.written() + " events; to continue, run the same"
                        + " command with --resume " + result.resumeAt().get().token());
                return RunnerCli.FAILED;
            } catch (Exporter.Interrupted e) {
                err.println("error: the store failed after " + e.written() + " events (" + e.getMessage()
                        + "); to continue, run the same command with --resume "
                        + e.resumeAt().token());
                return RunnerCli.FAILED;
            } finally {
                done.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running: it has what it waited for.
                }
            }
        }
    }

    private static Writer writer(ExportOptions options, OutputStream stdout) throws IOException {
        OutputStream target = options.out().isPresent()
                ? Files.newOutputStream(
                        options.out().get(),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)
                : new NonClosing(stdout);
        return new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Standard output stays open for whatever the runner prints after the export. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
