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
 * An event's identity: its UTC date and its UTC time of day to the millisecond.
 * Text forms are {@code YYYY-MM-DD} and {@code HH:mm:ss.SSS}, so that string order is time order.
 */
public record EventKey(LocalDate date, LocalTime time) implements Comparable<EventKey> {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?");

    public EventKey {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        if (time.getNano() % 1_000_000 != 0) {
            throw new InvalidInputException("time", "must not be more precise than a millisecond");
        }
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new InvalidInputException("date", "must have a four-digit year");
        }
    }

    /** Parses both text forms, reporting every broken rule; the time may omit its milliseconds. */
    public static EventKey parse(String date, String time) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = parseDate("date", date, errors);
        LocalTime t = parseTime("time", time, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new EventKey(d, t);
    }

    /** The key of an instant, cut to the millisecond. */
    public static EventKey at(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        return new EventKey(utc.toLocalDate(), utc.toLocalTime());
    }

    /** Parses a {@code YYYY-MM-DD} calendar date; on failure adds an error for {@code field} and returns null. */
    public static LocalDate parseDate(String field, String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            errors.add(new FieldError(field, "must be a date in the form YYYY-MM-DD (got " + quoted(text) + ")"));
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a real calendar date (got " + quoted(text) + ")"));
            return null;
        }
    }

    /** Parses {@code HH:mm:ss} or {@code HH:mm:ss.SSS}; on failure adds an error for {@code field} and returns null. */
    public static LocalTime parseTime(String field, String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            errors.add(new FieldError(field, "must be a time in the form HH:mm:ss or HH:mm:ss.SSS (got " + quoted(text) + ")"));
            return null;
        }
        String fraction = m.group(4);
        if (fraction != null && fraction.length() != 3) {
            errors.add(new FieldError(field, fraction.length() > 3
                    ? "must have at most 3 fraction digits, milliseconds (got " + quoted(text) + ")"
                    : "must have exactly 3 fraction digits when it has any (got " + quoted(text) + ")"));
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = Integer.parseInt(m.group(3));
        if (hour > 23 || minute > 59 || second > 59) {
            errors.add(new FieldError(field, "must be a real time of day, 00:00:00.000 to 23:59:59.999 (got " + quoted(text) + ")"));
            return null;
        }
        int millis = fraction == null ? 0 : Integer.parseInt(fraction);
        return LocalTime.of(hour, minute, second, millis * 1_000_000);
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
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return String.format("%04d-%02d-%02d", year, date.getMonthValue(), date.getDayOfMonth());
        }
        // Written digit by digit: every event in every response is formatted, and String.format costs microseconds.
        StringBuilder text = new StringBuilder(10);
        digits(text, year, 4).append('-');
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
        for (int divisor = (int) Math.pow(10, width - 1); divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }

    /** The instant this key names. */
    public Instant instant() {
        return LocalDateTime.of(date, time).toInstant(ZoneOffset.UTC);
    }

    /** The key one millisecond later (crossing midnight into the next day). */
    public EventKey nextMillisecond() {
        return at(instant().plusMillis(1));
    }

    @Override
    public int compareTo(EventKey other) {
        int byDate = date.compareTo(other.date);
        return byDate != 0 ? byDate : time.compareTo(other.time);
    }

    @Override
    public String toString() {
        return dateText() + "/" + timeText();
    }
}
