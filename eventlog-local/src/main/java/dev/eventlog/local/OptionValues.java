package dev.eventlog.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks of one option's value, each failing with a one-line {@link UsageException} that names the option. */
final class OptionValues {

    private OptionValues() {}

    static Optional<String> nonBlankValue(ParsedArgs in, RunnerOption option) throws UsageException {
        if (in.value(option).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(nonBlank(option, in.value(option).get()));
    }

    static String nonBlank(RunnerOption option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option.name + " needs a non-empty value");
        }
        return value;
    }

    static int intIn(RunnerOption option, String value, int min, int max) throws UsageException {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException(
                option.name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    static List<String> list(RunnerOption option, String value) throws UsageException {
        List<String> items = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        if (items.isEmpty()) {
            throw new UsageException(option.name + " needs a comma-separated list, got '" + value + "'");
        }
        return items;
    }

    static List<String> methods(RunnerOption option, String value) throws UsageException {
        List<String> methods = new ArrayList<>();
        for (String method : list(option, value)) {
            String upper = method.toUpperCase(Locale.ROOT);
            if (!upper.equals("*") && !upper.matches("[A-Z]+")) {
                throw new UsageException(option.name + " has a bad method '" + method + "'");
            }
            methods.add(upper);
        }
        return methods;
    }

    // As sent on the request line: printable ASCII, so anything else must come percent-encoded.
    static String requestTargetPart(RunnerOption option, String value) throws UsageException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '#') {
                throw new UsageException(option.name + " must be as sent on the wire: percent-encode spaces, '#' and"
                        + " non-ASCII characters (e.g. %20), got '" + value + "'");
            }
        }
        return value;
    }
}
