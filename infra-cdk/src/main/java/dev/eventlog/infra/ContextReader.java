package dev.eventlog.infra;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads typed values from CDK context, adding a problem for each value that is not of its type instead of failing
 * on the first. Whether a well-typed value is allowed is left to the rules the props go through.
 *
 * <p>Values from {@code -c key=value} arrive as strings, values from cdk.json as JSON numbers or booleans; both are
 * accepted. Each method answers null when the key is absent or its value is not of the type.
 */
final class ContextReader {

    private final Function<String, Object> lookup;
    private final Problems problems;

    ContextReader(Function<String, Object> lookup, Problems problems) {
        this.lookup = lookup;
        this.problems = problems;
    }

    String string(String key) {
        Object raw = lookup.apply(key);
        if (raw == null) {
            return null;
        }
        String text = String.valueOf(raw).trim();
        if (text.isEmpty()) {
            problems.add(key, "must not be empty when given");
            return null;
        }
        return text;
    }

    boolean isSet(String key) {
        return lookup.apply(key) != null;
    }

    Integer integer(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(key, "must be a whole number, got '" + text + "'");
            return null;
        }
    }

    Boolean bool(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                problems.add(key, "must be true or false, got '" + text + "'");
                return null;
        }
    }

    /** A comma-separated list (or a JSON array in cdk.json), items trimmed; empty items are kept for the rules. */
    List<String> list(String key) {
        Object raw = lookup.apply(key);
        if (raw == null) {
            return null;
        }
        return raw instanceof List<?> array
                ? array.stream().map(item -> String.valueOf(item).trim()).toList()
                : Arrays.stream(String.valueOf(raw).split(",", -1))
                        .map(String::trim)
                        .toList();
    }

    void problem(String key, String message) {
        problems.add(key, message);
    }
}
