package dev.eventlog.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before a retry: exponential backoff with full jitter (a random wait below
 * {@code min(max, initial * 2^retry)}), so that many clients retrying at once spread out, but never less than the
 * server asked for in {@code Retry-After}.
 */
record RetryDelays(Duration initial, Duration max, Clock clock) {

    /** The wait before retry {@code retry} (0 for the first retry), given the answer's {@code Retry-After}. */
    Duration before(int retry, Optional<String> retryAfter) {
        long ceiling = max.toNanos();
        if (retry < Long.numberOfLeadingZeros(initial.toNanos())) {
            ceiling = Math.min(ceiling, initial.toNanos() << retry);
        }
        Duration jittered = Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling));
        Duration asked = retryAfter.flatMap(this::parse).orElse(Duration.ZERO);
        return asked.compareTo(jittered) > 0 ? asked : jittered;
    }

    /** {@code Retry-After} as RFC 9110 writes it: a number of seconds, or an HTTP date; empty when it is neither. */
    Optional<Duration> parse(String value) {
        String text = value.strip();
        if (text.matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Duration until = Duration.between(
                    clock.instant(),
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
