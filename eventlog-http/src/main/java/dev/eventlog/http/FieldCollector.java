package dev.eventlog.http;

import com.google.gson.stream.JsonToken;
import dev.eventlog.core.domain.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The structural errors found while reading a document, and the fields they concern, so that a later "is
 * required" from the core's rules does not repeat a field already reported as, say, of the wrong type.
 */
final class FieldCollector {

    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> broken = new HashSet<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
        broken.add(field);
    }

    void wrongType(String field, String expected, JsonToken got) {
        add(field, expected + " (got " + typeName(got) + ")");
    }

    /** Adds each of the core's errors that no structural error already covers. */
    void addUncovered(List<FieldError> domainErrors) {
        for (FieldError error : domainErrors) {
            if (!covers(broken, error.field())) {
                errors.add(error);
            }
        }
    }

    int size() {
        return errors.size();
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    Set<String> broken() {
        return Set.copyOf(broken);
    }

    /** True when a broken field is this field itself, or the event or attribute map holding it. */
    static boolean covers(Set<String> broken, String field) {
        if (broken.contains(field)) {
            return true;
        }
        for (int dot = field.indexOf('.'); dot >= 0; dot = field.indexOf('.', dot + 1)) {
            if (broken.contains(field.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    static String typeName(JsonToken token) {
        return switch (token) {
            case BEGIN_OBJECT -> "an object";
            case BEGIN_ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "no value";
        };
    }
}
