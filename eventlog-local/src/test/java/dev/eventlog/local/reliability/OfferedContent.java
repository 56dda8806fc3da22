package dev.eventlog.local.reliability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Test harness: what the events of an offered load hold. The client gives each event a time and no id, so the API
 * derives the id from the content; the content decides whether ids differ or repeat.
 */
enum OfferedContent {

    /**
     * Every event its own content (a counter in its attributes), so every id differs; three share a millisecond, so
     * that a day's order also depends on ids, not only on times.
     */
    UNIQUE(3) {
        @Override
        String userId(int n) {
            return "user-" + (n % 50);
        }

        @Override
        String eventType() {
            return "click";
        }

        @Override
        String[] attribute(int n) {
            return new String[] {"n", Integer.toString(n)};
        }
    },

    /**
     * A heartbeat, as a device, a poller or a bot sends it: the same user, type and attributes every time, so every
     * event has the same derived id and only its time, one millisecond of its own each, tells it apart.
     */
    HEARTBEAT(1) {
        @Override
        String userId(int n) {
            return "device-7";
        }

        @Override
        String eventType() {
            return "heartbeat";
        }

        @Override
        String[] attribute(int n) {
            return new String[] {"status", "ok"};
        }
    };

    private final int perMillisecond;

    OfferedContent(int perMillisecond) {
        this.perMillisecond = perMillisecond;
    }

    abstract String userId(int n);

    abstract String eventType();

    /** The event's one attribute, as name and value. */
    abstract String[] attribute(int n);

    /** At most this many events a second keep each event's identity its own. */
    int maxPerSecond() {
        return 1000 * perMillisecond;
    }

    /** Event {@code n}'s time: the moment it is due to be sent after the plan's start hour. */
    String timeOf(OfferedWrites.Plan plan, int n) {
        long millis = (n - n % perMillisecond) * 1000L / plan.perSecond();
        return String.format(
                "%02d:%02d:%02d.%03d",
                plan.startHour() + millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }

    /** The body of event {@code n}: a time and no id, so the id is derived from the content. */
    String body(OfferedWrites.Plan plan, int n) {
        String[] attribute = attribute(n);
        return "{\"date\":\"" + plan.day() + "\",\"time\":\"" + timeOf(plan, n) + "\",\"userId\":\"" + userId(n)
                + "\",\"eventType\":\"" + eventType() + "\",\"attributes\":{\"" + attribute[0] + "\":\""
                + attribute[1] + "\"}}";
    }

    /**
     * The id the API derives for event {@code n}, by the rule it documents for clients: the first 16 hex digits of
     * SHA-256 over {@code userId\neventType\n} and then {@code name\nvalue\n} per attribute.
     */
    String derivedId(int n) {
        String[] attribute = attribute(n);
        String text = userId(n) + "\n" + eventType() + "\n" + attribute[0] + "\n" + attribute[1] + "\n";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
