package dev.eventlog.http;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.EventIds;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.FieldError;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event as the API returns it: {@code date}, {@code time}, {@code eventId}, {@code userId}, {@code eventType},
 * and {@code attributes} when it has any. It is also one line of an NDJSON export, and what a client sends to record
 * an event with its final identity. Read back strictly, through the core's validation.
 */
public final class EventJson {

    public static final String DATE = "date";
    public static final String TIME = "time";
    /** Only in what a client sends: an RFC 3339 instant in place of {@code date} and {@code time}. */
    public static final String TIMESTAMP = "timestamp";

    public static final String EVENT_ID = "eventId";
    public static final String USER_ID = "userId";
    public static final String EVENT_TYPE = "eventType";
    public static final String ATTRIBUTES = "attributes";

    private EventJson() {}

    /** The event as JSON text, on one line. */
    public static String write(EventRecord event) {
        return JsonText.write(writer -> write(event, writer));
    }

    /** Events as a JSON array: the body of a batch {@code POST /events}. */
    public static String writeAll(List<EventRecord> events) {
        return JsonText.write(writer -> {
            writer.beginArray();
            for (EventRecord event : events) {
                write(event, writer);
            }
            writer.endArray();
        });
    }

    public static void write(EventRecord event, JsonWriter writer) throws IOException {
        writer.beginObject();
        writer.name(DATE).value(event.key().dateText());
        writer.name(TIME).value(event.key().timeText());
        writer.name(EVENT_ID).value(event.eventId());
        writer.name(USER_ID).value(event.userId());
        writer.name(EVENT_TYPE).value(event.eventType());
        if (!event.attributes().isEmpty()) {
            writer.name(ATTRIBUTES).beginObject();
            for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
                writer.name(attribute.getKey()).value(attribute.getValue());
            }
            writer.endObject();
        }
        writer.endObject();
    }

    /**
     * The event one JSON text holds, as {@link #write} writes it.
     *
     * @throws dev.eventlog.core.domain.InvalidInputException naming every problem: malformed JSON, unknown or
     *     repeated fields, wrong JSON types, and every rule of the core the event breaks
     */
    public static EventRecord read(String json) {
        return DocumentReader.read(
                json, "event", JsonToken.BEGIN_OBJECT, (reader, collector) -> read(reader, "", collector));
    }

    /**
     * The event object at the reader, with every problem reported to the collector under {@code prefix}; null when
     * there is one.
     */
    static EventRecord read(JsonReader reader, String prefix, FieldCollector collector) throws IOException {
        int before = collector.size();
        EventDraft draft = EventObjectReader.read(reader, prefix, EventObjectReader.STORED_FIELDS, collector);
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = EventTime.parseDate(DATE, draft.date(), errors);
        LocalTime time = EventTime.parseTime(TIME, draft.time(), errors);
        EventIds.check(EVENT_ID, draft.eventId(), errors);
        errors.addAll(EventRecord.contentErrors(draft.userId(), draft.eventType(), draft.attributes()));
        collector.addUncovered(
                errors.stream().map(error -> error.prefixed(prefix)).toList());
        if (collector.size() > before) {
            return null;
        }
        return new EventRecord(
                new EventKey(date, time, draft.eventId()), draft.userId(), draft.eventType(), draft.attributes());
    }
}
