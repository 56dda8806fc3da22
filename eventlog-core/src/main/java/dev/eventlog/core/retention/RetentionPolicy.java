package dev.eventlog.core.retention;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How long events are kept: forever, or a whole number of days counted from each event's own instant. An event
 * expires at the second {@link #expiresAt} names; from then on no store returns it and the service refuses to
 * record it, whether or not the store has deleted it yet (DynamoDB's time to live deletes days late).
 */
public final class RetentionPolicy {

    /** The environment variable that sets the period, in days, for the function and the local runner alike. */
    public static final String DAYS_VARIABLE = "EVENTLOG_RETENTION_DAYS";

    public static final int MIN_DAYS = 1;
    /** A hundred years: beyond that an epoch-second expiry stops meaning anything to an operator. */
    public static final int MAX_DAYS = 36_500;

    private static final RetentionPolicy KEEP_FOREVER = new RetentionPolicy(0, Clock.systemUTC());

    private final int days;
    private final Clock clock;

    private RetentionPolicy(int days, Clock clock) {
        this.days = days;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** No period: nothing expires. */
    public static RetentionPolicy keepForever() {
        return KEEP_FOREVER;
    }

    /** Events are kept {@code days} days after their own instant, as {@code clock} tells the time. */
    public static RetentionPolicy days(int days, Clock clock) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "a retention period must be " + MIN_DAYS + " to " + MAX_DAYS + " days (got " + days + ")");
        }
        return new RetentionPolicy(days, clock);
    }

    /**
     * The policy {@value #DAYS_VARIABLE} sets in {@code environment}: none (unset or blank) keeps forever.
     *
     * @throws IllegalArgumentException naming the variable when its value is not a whole number of days in range
     */
    public static RetentionPolicy fromEnvironment(Map<String, String> environment, Clock clock) {
        String text = environment.get(DAYS_VARIABLE);
        if (text == null || text.isBlank()) {
            return keepForever();
        }
        return parseDays(DAYS_VARIABLE, text.trim(), clock);
    }

    /** The policy for a period given as text, such as a command-line option; {@code source} names it in errors. */
    public static RetentionPolicy parseDays(String source, String text, Clock clock) {
        if (text.matches("[0-9]{1,5}")) {
            int days = Integer.parseInt(text);
            if (days >= MIN_DAYS && days <= MAX_DAYS) {
                return days(days, clock);
            }
        }
        throw new IllegalArgumentException(source + " must be a whole number of days from " + MIN_DAYS + " to "
                + MAX_DAYS + " (got '" + text + "')");
    }

    /** True when events expire at all. */
    public boolean limited() {
        return days > 0;
    }

    /** The period in days; 0 when events are kept forever. */
    public int days() {
        return days;
    }

    /**
     * When the event expires, in epoch seconds (the form DynamoDB's time to live reads): its instant plus the
     * period, the fraction of a second dropped. Empty when events are kept forever.
     */
    public OptionalLong expiresAt(EventKey key) {
        if (!limited()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(key.instant().plus(Duration.ofDays(days)).getEpochSecond());
    }

    public OptionalLong expiresAt(EventRecord event) {
        return expiresAt(event.key());
    }

    /** True when the event at this key is past its period now, so that no one may see or record it. */
    public boolean expired(EventKey key) {
        OptionalLong expiresAt = expiresAt(key);
        return expiresAt.isPresent() && !now().isBefore(Instant.ofEpochSecond(expiresAt.getAsLong()));
    }

    public boolean expired(EventRecord event) {
        return expired(event.key());
    }

    /** How the period reads in a message to a client or an operator. */
    public String describe() {
        return limited() ? days + (days == 1 ? " day" : " days") : "no retention period";
    }

    private Instant now() {
        return clock.instant();
    }

    @Override
    public String toString() {
        return "RetentionPolicy[" + describe() + "]";
    }
}
