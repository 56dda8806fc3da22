package dev.eventlog.local;

import static dev.eventlog.local.RunnerOption.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The runner's commands: the name typed, the line {@code --help} gives it, and the options it takes. */
enum RunnerCommand {
    SERVE(
            "serve",
            "run the HTTP API locally, like the deployed $default stage",
            with(EnumSet.range(HOST, IAM_PROFILE), STORE_OPTIONS)),
    INVOKE(
            "invoke --event FILE [...]",
            "run the handler on payload 2.0 event files, print each response",
            with(EnumSet.of(EVENT), STORE_OPTIONS)),
    GENERATE_EVENT(
            "generate-event get|post",
            "print the payload 2.0 event serve would build for one request, to edit and pass to invoke",
            EnumSet.of(PATH, QUERY, BODY)),
    EXPORT(
            "export",
            "write events as NDJSON, one per line, exactly as the API returns them, in key order: a day, a"
                    + " range, a user, or everything",
            with(EnumSet.of(DATE, FROM, TO, USER, OUT, RESUME), STORE_OPTIONS)),
    IMPORT(
            "import",
            "record NDJSON events (an export, or lines with the API's event fields) through the API's rules, in"
                    + " batches of 25; importing a file again adds nothing",
            with(EnumSet.of(IN, STRICT), STORE_OPTIONS)),
    ERASE_USER(
            "erase-user --user ID",
            "delete every event of one user (a privacy request); stop the user's intake first",
            with(EnumSet.of(USER, DRY_RUN), STORE_OPTIONS)),
    BACKFILL_USER_INDEX(
            "backfill-user-index",
            "add the byUser index's key (at) to events written before the index existed, so queries by userId"
                    + " find them; safe to stop, rerun, and run while the API takes writes",
            EnumSet.of(TABLE, ENDPOINT_URL, REGION, WRITE_SHARDS));

    /** What {@code --help} shows in the command column. */
    final String usage;

    final String help;
    final Set<RunnerOption> options;

    RunnerCommand(String usage, String help, Set<RunnerOption> options) {
        this.usage = usage;
        this.help = help;
        this.options = options;
    }

    /** The name typed on the command line. */
    String commandName() {
        int space = usage.indexOf(' ');
        return space < 0 ? usage : usage.substring(0, space);
    }

    static Optional<RunnerCommand> named(String name) {
        for (RunnerCommand command : values()) {
            if (command.commandName().equals(name)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** The names of every command, for messages. */
    static String names() {
        List<String> names = new ArrayList<>();
        for (RunnerCommand command : values()) {
            names.add(command.commandName());
        }
        return String.join(", ", names);
    }

    private static Set<RunnerOption> with(Set<RunnerOption> own, List<RunnerOption> shared) {
        Set<RunnerOption> all = EnumSet.copyOf(own);
        all.addAll(shared);
        return all;
    }
}
