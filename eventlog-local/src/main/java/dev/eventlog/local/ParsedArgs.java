package dev.eventlog.local;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command line read against the option table ({@code --name value}, {@code --name=value}, or a flag): each option
 * the command takes with its values, and the arguments that are not options. An option the command does not take,
 * a missing value, a flag given a value, or an option repeated that may not be, is a {@link UsageException}.
 */
final class ParsedArgs {

    private final Map<RunnerOption, List<String>> values;
    private final List<String> positional;

    private ParsedArgs(Map<RunnerOption, List<String>> values, List<String> positional) {
        this.values = values;
        this.positional = positional;
    }

    static ParsedArgs parse(RunnerCommand command, List<String> args) throws UsageException {
        Map<RunnerOption, List<String>> values = new EnumMap<>(RunnerOption.class);
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 2 ? arg.substring(0, eq) : arg;
            String inline = eq > 2 ? arg.substring(eq + 1) : null;
            RunnerOption option = command.options.stream()
                    .filter(candidate -> candidate.name.equals(name))
                    .findFirst()
                    .orElseThrow(() -> new UsageException(
                            "unknown option '" + name + "' for " + command.commandName() + " (see --help)"));
            String value;
            if (option.flag()) {
                if (inline != null) {
                    throw new UsageException(name + " takes no value");
                }
                value = "";
            } else if (inline != null) {
                value = inline;
            } else if (i + 1 < args.size()
                    && !(args.get(i + 1).startsWith("--") && args.get(i + 1).length() > 2)) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            List<String> given = values.computeIfAbsent(option, o -> new ArrayList<>());
            if (!given.isEmpty() && !option.repeatable) {
                throw new UsageException(name + " is given twice; give it once");
            }
            given.add(value);
        }
        return new ParsedArgs(values, positional);
    }

    boolean has(RunnerOption option) {
        return values.containsKey(option);
    }

    Optional<String> value(RunnerOption option) {
        List<String> given = values.get(option);
        return given == null ? Optional.empty() : Optional.of(given.get(0));
    }

    List<String> values(RunnerOption option) {
        return values.getOrDefault(option, List.of());
    }

    /** The arguments that are not options, in order. */
    List<String> positional() {
        return positional;
    }
}
