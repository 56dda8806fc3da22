package dev.eventlog.local;

import dev.eventlog.core.port.ErasureReport;
import dev.eventlog.core.port.EventErasurePort;
import java.io.PrintStream;
import java.util.stream.Collectors;

/**
 * {@code erase-user}: deletes (or, with {@code --dry-run}, counts) one user's events in a store that outlives the
 * command, a data file or DynamoDB, and says how many on which days.
 */
final class EraseUserCommand {

    private EraseUserCommand() {}

    static int run(EraseUserOptions options, PrintStream out, PrintStream err) {
        if (options.store().kind() == StoreOptions.Kind.MEMORY
                && options.store().data().isEmpty()) {
            err.println("error: erase-user needs a store that outlives it: --data FILE or --store dynamodb");
            return RunnerCli.USAGE;
        }
        try (OpenedStore store = StoreFactory.open(options.store(), err::println)) {
            EventErasurePort erasure = (EventErasurePort) store.port();
            ErasureReport report = options.dryRun() ? erasure.preview(options.user()) : erasure.erase(options.user());
            String days = report.eventsByDay().entrySet().stream()
                    .map(day -> day.getKey() + " (" + day.getValue() + ")")
                    .collect(Collectors.joining(", "));
            out.println((options.dryRun() ? "would erase " : "erased ") + report.events() + " events of user '"
                    + options.user() + "'" + (days.isEmpty() ? "" : " on " + days));
            return RunnerCli.OK;
        }
    }
}
