package dev.eventlog.http;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.eventlog.core.domain.EventDraft;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one event object, strictly, into a draft: unknown fields, duplicate keys and wrong JSON types are
 * collected with the field they concern, and a JSON null reads as an absent field. The draft is not validated here:
 * that is the core's job.
 */
final class EventObjectReader {

    /** The fields of an event as the API returns it. */
    static final List<String> STORED_FIELDS = List.of(
            EventJson.DATE,
            EventJson.TIME,
            EventJson.EVENT_ID,
            EventJson.USER_ID,
            EventJson.EVENT_TYPE,
            EventJson.ATTRIBUTES);
    /** The fields a client may send: those of a stored event, or {@code timestamp} in place of date and time. */
    static final List<String> SENT_FIELDS = List.of(
            EventJson.DATE,
            EventJson.TIME,
            EventJson.TIMESTAMP,
            EventJson.EVENT_ID,
            EventJson.USER_ID,
            EventJson.EVENT_TYPE,
            EventJson.ATTRIBUTES);

    private static final int SHOWN_NAME_LENGTH = 64;

    private EventObjectReader() {}

    /** Reads the object at the reader; {@code prefix} (such as {@code [3].}) is put before every field it reports. */
    static EventDraft read(JsonReader reader, String prefix, List<String> fields, FieldCollector collector)
            throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> attributes = null;
        Set<String> seen = new HashSet<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            String field = prefix + shown(name);
            if (!seen.add(name)) {
                collector.add(field, "appears more than once in the same object");
                reader.skipValue();
            } else if (!fields.contains(name)) {
                collector.add(field, "is not a known field; an event has only " + names(fields));
                reader.skipValue();
            } else if (name.equals(EventJson.ATTRIBUTES)) {
                attributes = readAttributes(reader, field, collector);
            } else {
                texts.put(name, readString(reader, field, collector));
            }
        }
        reader.endObject();
        return new EventDraft(
                texts.get(EventJson.DATE),
                texts.get(EventJson.TIME),
                texts.get(EventJson.TIMESTAMP),
                texts.get(EventJson.EVENT_ID),
                texts.get(EventJson.USER_ID),
                texts.get(EventJson.EVENT_TYPE),
                attributes);
    }

    /** A string, or null when the field is JSON null (null means absent). */
    static String readString(JsonReader reader, String field, FieldCollector collector) throws IOException {
        JsonToken token = reader.peek();
        if (token == JsonToken.STRING) {
            return reader.nextString();
        }
        if (token == JsonToken.NULL) {
            reader.nextNull();
            return null;
        }
        collector.wrongType(field, "must be a string", token);
        reader.skipValue();
        return null;
    }

    private static Map<String, String> readAttributes(JsonReader reader, String field, FieldCollector collector)
            throws IOException {
        JsonToken token = reader.peek();
        if (token == JsonToken.NULL) {
            reader.nextNull();
            return null;
        }
        if (token != JsonToken.BEGIN_OBJECT) {
            collector.wrongType(field, "must be an object of string values", token);
            reader.skipValue();
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            String entry = field + "." + shown(name);
            if (attributes.containsKey(name)) {
                collector.add(entry, "appears more than once in the same object");
                reader.skipValue();
            } else if (reader.peek() == JsonToken.STRING) {
                attributes.put(name, reader.nextString());
            } else {
                collector.wrongType(entry, "must be a string", reader.peek());
                reader.skipValue();
                attributes.put(name, "");
            }
        }
        reader.endObject();
        return attributes;
    }

    static String shown(String name) {
        return name.length() <= SHOWN_NAME_LENGTH ? name : name.substring(0, SHOWN_NAME_LENGTH) + "...";
    }

    /** {@code date, time, ... and attributes}. */
    private static String names(List<String> fields) {
        return String.join(", ", fields.subList(0, fields.size() - 1)) + " and " + fields.get(fields.size() - 1);
    }
}
