package dev.eventlog.local;

import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.local.data.EventLines;
import dev.eventlog.local.data.Importer;
import dev.eventlog.local.data.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;

/**
 * {@code import}: NDJSON from a file or stdin into the store, each line's outcome counted, invalid and conflicting
 * lines named on stderr, a summary at the end. Exit status 0 only when every line was created or already stored.
 */
final class ImportCommand {

    private ImportCommand() {}

    static int run(ImportOptions options, EventLines lines, InputStream stdin, PrintStream err) throws IOException {
        if (options.in().isPresent() && !Files.isReadable(options.in().get())) {
            err.println("error: --in " + options.in().get() + " is not a readable file");
            return RunnerCli.USAGE;
        }
        try (OpenedStore store = StoreFactory.open(options.store(), err::println);
                InputStream source = options.in().isPresent()
                        ? Files.newInputStream(options.in().get())
                        : stdin;
                BufferedReader in = new BufferedReader(new InputStreamReader(
                        source,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            EventLogService service = new EventLogService(store.port(), Clock.systemUTC(), store.retention());
            Progress progress = new Progress(err, "imported", System::nanoTime);
            Importer.Summary summary = new Importer(service, lines).run(in, options.strict(), err::println, progress);
            err.println(progress.line(summary.lines()) + ": " + summary.created() + " created, " + summary.existing()
                    + " already stored, " + summary.conflicting() + " conflicting, " + summary.invalid() + " invalid"
                    + (summary.stopped() ? "; stopped there (--strict)" : ""));
            return summary.clean() ? RunnerCli.OK : RunnerCli.FAILED;
        }
    }
}
