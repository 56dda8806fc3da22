package dev.eventlog.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed values from CDK context, collecting a problem for each bad value instead of failing on the first.
 *
 * <p>Values from {@code -c key=value} arrive as strings, values from cdk.json as JSON numbers or booleans; both are
 * accepted.
 */
final class ContextReader {

    private final Function<String, Object> lookup;
    private final List<String> problems = new ArrayList<>();

    ContextReader(Function<String, Object> lookup) {
        this.lookup = lookup;
    }

    Optional<String> string(String key) {
        Object raw = lookup.apply(key);
        if (raw == null) {
            return Optional.empty();
        }
        String text = String.valueOf(raw).trim();
        if (text.isEmpty()) {
            problem(key, "must not be empty when given");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    boolean isSet(String key) {
        return lookup.apply(key) != null;
    }

    int integer(String key, int defaultValue, int min, int max) {
        return integer(key, min, max).orElse(defaultValue);
    }

    /** A whole number within [min, max] when given; empty when absent or bad (a bad value is a problem). */
    Optional<Integer> integer(String key, int min, int max) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int value;
        try {
            value = new java.math.BigDecimal(text.get()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problem(key, "must be a whole number, got '" + text.get() + "'");
            return Optional.empty();
        }
        if (value < min || value > max) {
            problem(key, "must be between " + min + " and " + max + ", got " + value);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                problem(key, "must be true or false, got '" + text.get() + "'");
                return defaultValue;
        }
    }

    /** A comma-separated list (or a JSON array in cdk.json); blank items are a problem, not silently dropped. */
    List<String> list(String key, List<String> defaultValue) {
        Object raw = lookup.apply(key);
        if (raw == null) {
            return defaultValue;
        }
        List<String> items = raw instanceof List<?> array
                ? array.stream().map(item -> String.valueOf(item).trim()).toList()
                : Arrays.stream(String.valueOf(raw).split(",", -1))
                        .map(String::trim)
                        .toList();
        if (items.isEmpty() || items.stream().anyMatch(String::isEmpty)) {
            problem(key, "must be a comma-separated list of non-empty values, got '" + raw + "'");
            return defaultValue;
        }
        return items;
    }

    void problem(String key, String message) {
        problems.add("'" + key + "' " + message);
    }

    void problem(String message) {
        problems.add(message);
    }

    /** Throws when any value was bad, naming all of them. */
    void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new InvalidContextException(problems);
        }
    }
}
