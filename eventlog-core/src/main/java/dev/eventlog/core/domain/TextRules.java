package dev.eventlog.core.domain;

import java.util.List;

/** The rules every free-text field shares: present, within a length, printable, well-formed Unicode. */
final class TextRules {

    private TextRules() {}

    /** Adds to {@code errors} every rule {@code value} breaks as field {@code field}; lengths count code points. */
    static void check(String field, String value, int min, int max, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            errors.add(
                    new FieldError(field, min == 1 ? "must not be empty" : "must be at least " + min + " characters"));
        } else if (length > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters (got " + length + ")"));
        }
        if (min > 0 && length >= min && value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                errors.add(new FieldError(
                        field,
                        "must not contain control characters (found U+" + String.format("%04X", (int) c) + " at index "
                                + i + ")"));
                return;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                errors.add(
                        new FieldError(field, "must be well-formed Unicode (unpaired surrogate at index " + i + ")"));
                return;
            }
        }
    }
}
