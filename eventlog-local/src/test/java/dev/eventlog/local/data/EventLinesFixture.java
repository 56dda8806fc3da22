package dev.eventlog.local.data;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Events spread over days, users and the three ways an event gets its id, and their NDJSON lines. */
public final class EventLinesFixture {

    private EventLinesFixture() {}

    /**
     * {@code count} events over {@code days} days from 2024-07-01, with a few users, some sharing a millisecond, each
     * with a given id or the id derived from its content.
     */
    public static List<EventRecord> events(int count, int days) {
        Random random = new Random(count * 31L + days);
        List<EventRecord> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String date = "2024-07-" + String.format("%02d", 1 + i % days);
            int millisOfDay = random.nextInt(86_400_000) / 7 * 7;
            String time = String.format(
                    "%02d:%02d:%02d.%03d",
                    millisOfDay / 3_600_000, millisOfDay / 60_000 % 60, millisOfDay / 1000 % 60, millisOfDay % 1000);
            String user = "user-" + (i % 5);
            Map<String, String> attributes = Map.of("n", Integer.toString(i), "kind", i % 2 == 0 ? "even" : "odd");
            EventRecord event = i % 3 == 0
                    ? new EventRecord(EventKey.parse(date, time, "id-" + i), user, "type-" + (i % 4), attributes)
                    : EventRecord.derived(EventTime.parse(date, time), user, "type-" + (i % 4), attributes);
            events.add(event);
        }
        return events;
    }

    /** The events' lines in an order unlike the key order. */
    public static List<String> shuffledLines(List<EventRecord> events) {
        List<String> lines =
                new ArrayList<>(events.stream().map(ApiEventLines.LINES::write).toList());
        Collections.shuffle(lines, new Random(events.size()));
        return lines;
    }

    /** The lines an export of these events writes. */
    public static List<String> linesInKeyOrder(List<EventRecord> events) {
        return events.stream()
                .sorted(Comparator.comparing(EventRecord::key))
                .map(ApiEventLines.LINES::write)
                .toList();
    }
}
