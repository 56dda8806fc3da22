package dev.eventlog.core.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an event happened: its UTC date and its UTC time of day to the millisecond.
 * Text forms are {@code YYYY-MM-DD} and {@code HH:mm:ss.SSS}, so that string order is time order.
 */
public record EventTime(LocalDate date, LocalTime time) implements Comparable<EventTime> {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?");
    /** RFC 3339 date-time: {@code T} (or {@code t}, or a space as RFC 3339 permits) and a {@code Z} or numeric offset. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d*)?)(?:([Zz])|([+-])(\\d{2}):(\\d{2}))");
    /** Fraction digits a client may send; nanoseconds are the finest any common clock gives. */
    private static final int MAX_FRACTION_DIGITS = 9;

    public EventTime {
        checkInvariants(date, time);
    }

    /** What every date and time of an event must hold, checked without building one. */
    static void checkInvariants(LocalDate date, LocalTime time) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        if (time.getNano() % 1_000_000 != 0) {
            throw new InvalidInputException("time", "must not be more precise than a millisecond");
        }
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new InvalidInputException("date", "must have a four-digit year");
        }
    }

    /** Parses both text forms, reporting every broken rule; the time may omit its fraction or carry up to nine digits. */
    public static EventTime parse(String date, String time) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = parseDate("date", date, errors);
        LocalTime t = parseTime("time", time, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new EventTime(d, t);
    }

    /** The time of an instant, cut to the millisecond. */
    public static EventTime at(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        return new EventTime(utc.toLocalDate(), utc.toLocalTime());
    }

    /** Parses a {@code YYYY-MM-DD} calendar date; on failure adds an error for {@code field} and returns null. */
    public static LocalDate parseDate(String field, String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (canonicalDate(text)) {
            // Every stored item and every key of a URL is in this form: read by its digits, without a matcher.
            try {
                return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            } catch (DateTimeException e) {
                errors.add(new FieldError(field, "must be a real calendar date (got " + quoted(text) + ")"));
                return null;
            }
        }
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            errors.add(new FieldError(field, "must be a date in the form YYYY-MM-DD (got " + quoted(text) + ")"));
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a real calendar date (got " + quoted(text) + ")"));
            return null;
        }
    }

    /**
     * Parses {@code HH:mm:ss} with an optional fraction of 1 to 9 digits, kept to the millisecond (further digits
     * are cut, not rounded, so an event never moves into the next millisecond); on failure adds an error for
     * {@code field} and returns null.
     */
    public static LocalTime parseTime(String field, String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (canonicalTime(text)) {
            int hour = digits(text, 0, 2);
            int minute = digits(text, 3, 5);
            int second = digits(text, 6, 8);
            if (hour <= 23 && minute <= 59 && second <= 59) {
                int millis = text.length() == 8 ? 0 : digits(text, 9, 12);
                return LocalTime.of(hour, minute, second, millis * 1_000_000);
            }
        }
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            errors.add(new FieldError(
                    field, "must be a time in the form HH:mm:ss or HH:mm:ss.SSS (got " + quoted(text) + ")"));
            return null;
        }
        String fraction = m.group(4);
        if (fraction != null && fraction.length() > MAX_FRACTION_DIGITS) {
            errors.add(new FieldError(
                    field,
                    "must have at most " + MAX_FRACTION_DIGITS + " fraction digits (got " + fraction.length() + " in "
                            + quoted(text) + ")"));
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = Integer.parseInt(m.group(3));
        if (hour > 23 || minute > 59 || second > 59) {
            errors.add(new FieldError(
                    field, "must be a real time of day, 00:00:00.000 to 23:59:59.999 (got " + quoted(text) + ")"));
            return null;
        }
        int millis = fraction == null ? 0 : Integer.parseInt((fraction + "00").substring(0, 3));
        return LocalTime.of(hour, minute, second, millis * 1_000_000);
    }

    /** True for {@code YYYY-MM-DD} written with ASCII digits. */
    static boolean canonicalDate(String text) {
        return text.length() == 10
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && asciiDigits(text, 0, 4)
                && asciiDigits(text, 5, 7)
                && asciiDigits(text, 8, 10);
    }

    /** True for {@code HH:mm:ss} or {@code HH:mm:ss.SSS} written with ASCII digits (the value is not checked). */
    public static boolean canonicalTime(String text) {
        int length = text.length();
        return (length == 8 || (length == 12 && text.charAt(8) == '.' && asciiDigits(text, 9, 12)))
                && text.charAt(2) == ':'
                && text.charAt(5) == ':'
                && asciiDigits(text, 0, 2)
                && asciiDigits(text, 3, 5)
                && asciiDigits(text, 6, 8);
    }

    private static boolean asciiDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /**
     * Parses an RFC 3339 timestamp ({@code 2024-06-01T18:30:00.123+09:00}, {@code ...Z}, 0 to 9 fraction digits)
     * into its UTC date and time, cut to the millisecond; on failure adds an error for {@code field} and returns null.
     * Both Python's {@code datetime.isoformat()} and JavaScript's {@code toISOString()} produce this form.
     */
    public static EventTime parseTimestamp(String field, String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        Matcher m = TIMESTAMP.matcher(text);
        if (!m.matches()) {
            String hint = text.matches("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d*)?")
                    ? "needs a UTC offset: end it with Z or with +HH:MM / -HH:MM"
                    : "must be an RFC 3339 timestamp such as 2024-06-01T18:30:00.123+09:00 or 2024-06-01T09:30:00.123Z";
            errors.add(new FieldError(field, hint + " (got " + quoted(text) + ")"));
            return null;
        }
        List<FieldError> own = new ArrayList<>();
        LocalDate date = parseDate(field, m.group(1), own);
        String timeText = m.group(2);
        if (timeText.endsWith(".")) {
            own.add(new FieldError(
                    field, "must have at least one digit after the decimal point (got " + quoted(text) + ")"));
        }
        LocalTime time = own.isEmpty() ? parseTime(field, timeText, own) : null;
        int offsetSeconds = 0;
        if (m.group(3) == null) {
            int hours = Integer.parseInt(m.group(5));
            int minutes = Integer.parseInt(m.group(6));
            if (hours > 23 || minutes > 59) {
                own.add(new FieldError(
                        field,
                        "has an impossible UTC offset " + m.group(4) + m.group(5) + ":" + m.group(6)
                                + "; offsets run from -23:59 to +23:59"));
            }
            offsetSeconds = ("-".equals(m.group(4)) ? -1 : 1) * (hours * 3600 + minutes * 60);
        }
        if (!own.isEmpty() || date == null || time == null) {
            errors.addAll(own);
            return null;
        }
        // The offset is applied by hand: java.time allows only +-18:00, RFC 3339's grammar allows up to +-23:59.
        LocalDateTime utc = LocalDateTime.of(date, time).minusSeconds(offsetSeconds);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            errors.add(
                    new FieldError(field, "must fall within the years 0000 to 9999 in UTC (got " + quoted(text) + ")"));
            return null;
        }
        return new EventTime(utc.toLocalDate(), utc.toLocalTime());
    }

    private static String quoted(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isSurrogate((char) cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    /** The date as stored: {@code YYYY-MM-DD}. */
    public String dateText() {
        // The constructor holds the year to four digits. Written digit by digit: every event in every response is
        // formatted, and String.format costs microseconds.
        StringBuilder text = new StringBuilder(10);
        digits(text, date.getYear(), 4).append('-');
        digits(text, date.getMonthValue(), 2).append('-');
        return digits(text, date.getDayOfMonth(), 2).toString();
    }

    /** The time as stored: {@code HH:mm:ss.SSS}. */
    public String timeText() {
        StringBuilder text = new StringBuilder(12);
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2).append('.');
        return digits(text, time.getNano() / 1_000_000, 3).toString();
    }

    /** Appends the last {@code width} decimal digits of a non-negative value, zero-padded. */
    private static StringBuilder digits(StringBuilder out, int value, int width) {
        int divisor = 1;
        for (int i = 1; i < width; i++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }

    /** The instant this time names. */
    public Instant instant() {
        return LocalDateTime.of(date, time).toInstant(ZoneOffset.UTC);
    }

    /** The time one millisecond later (crossing midnight into the next day). */
    public EventTime nextMillisecond() {
        return at(instant().plusMillis(1));
    }

    @Override
    public int compareTo(EventTime other) {
        int byDate = date.compareTo(other.date);
        return byDate != 0 ? byDate : time.compareTo(other.time);
    }

    /** The event key at this time with the given id. */
    public EventKey withId(String eventId) {
        return new EventKey(date, time, eventId);
    }

    @Override
    public String toString() {
        return dateText() + "/" + timeText();
    }
}
