package dev.eventlog.lambda;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.FieldError;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a POST body, strictly, into event drafts: one event object or an array of them. Every structural
 * problem is collected with the field it concerns (unknown fields, duplicate keys, wrong JSON types); malformed
 * or too deeply nested JSON is refused as a whole. The drafts are not validated here: that is the core's job.
 */
final class EventJsonReader {

    /** Deep enough for any valid body (array, event, attributes); deeper input is refused before it costs stack. */
    static final int NESTING_LIMIT = 16;

    private static final int SHOWN_NAME_LENGTH = 64;
    private static final String FIELDS = "date, time, timestamp, eventId, userId, eventType and attributes";

    private EventJsonReader() {}

    /** What the body held: the drafts in order, whether it was an array, and every structural error found. */
    record ParsedBody(List<EventDraft> drafts, boolean batch, List<FieldError> errors, Set<String> brokenFields) {}

    static ParsedBody read(String body) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.badRequest(
                    "the request body is empty; send one event object or an array of 1 to 25 event objects");
        }
        if (body.charAt(0) == '\uFEFF') {
            // JSON text must not start with a byte-order mark (RFC 8259); the parser would skip it unnoticed.
            throw ApiProblem.badRequest(
                    "the request body starts with a byte-order mark (U+FEFF); send the JSON without one");
        }
        Collector collector = new Collector();
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(NESTING_LIMIT);
            List<EventDraft> drafts = new ArrayList<>();
            boolean batch;
            JsonToken top = reader.peek();
            if (top == JsonToken.BEGIN_OBJECT) {
                batch = false;
                drafts.add(readEvent(reader, "", collector));
            } else if (top == JsonToken.BEGIN_ARRAY) {
                batch = true;
                reader.beginArray();
                for (int index = 0; reader.hasNext(); index++) {
                    String prefix = "[" + index + "].";
                    if (reader.peek() == JsonToken.BEGIN_OBJECT) {
                        drafts.add(readEvent(reader, prefix, collector));
                    } else {
                        collector.wrongType("[" + index + "]", "must be an event object", reader.peek());
                        reader.skipValue();
                        drafts.add(new EventDraft(null, null, null, null));
                    }
                }
                reader.endArray();
            } else {
                throw ApiProblem.badRequest(
                        "the request body must be one event object or an array of 1 to 25 event objects (got "
                                + typeName(top) + ")");
            }
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw ApiProblem.badRequest(
                        "the request body is not valid JSON: more content follows the first JSON value");
            }
            return new ParsedBody(drafts, batch, collector.errors, collector.broken);
        } catch (EOFException e) {
            throw ApiProblem.badRequest(
                    "the request body is not valid JSON: it ends before the JSON value is complete");
        } catch (MalformedJsonException e) {
            throw ApiProblem.badRequest("the request body is not valid JSON: " + reason(e));
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw ApiProblem.badRequest("the request body is not valid JSON: " + reason(e));
        }
    }

    private static EventDraft readEvent(JsonReader reader, String prefix, Collector collector) throws IOException {
        String date = null;
        String time = null;
        String timestamp = null;
        String eventId = null;
        String userId = null;
        String eventType = null;
        Map<String, String> attributes = null;
        Set<String> seen = new HashSet<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            String field = prefix + shown(name);
            if (!seen.add(name)) {
                collector.add(field, "appears more than once in the same object");
                reader.skipValue();
                continue;
            }
            switch (name) {
                case "date" -> date = readString(reader, field, collector);
                case "time" -> time = readString(reader, field, collector);
                case "timestamp" -> timestamp = readString(reader, field, collector);
                case "eventId" -> eventId = readString(reader, field, collector);
                case "userId" -> userId = readString(reader, field, collector);
                case "eventType" -> eventType = readString(reader, field, collector);
                case "attributes" -> attributes = readAttributes(reader, field, collector);
                default -> {
                    collector.add(field, "is not a known field; an event has only " + FIELDS);
                    reader.skipValue();
                }
            }
        }
        reader.endObject();
        return new EventDraft(date, time, timestamp, eventId, userId, eventType, attributes);
    }

    /** A string, or null when the field is JSON null (null means absent). */
    private static String readString(JsonReader reader, String field, Collector collector) throws IOException {
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

    private static Map<String, String> readAttributes(JsonReader reader, String field, Collector collector)
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

    private static String shown(String name) {
        return name.length() <= SHOWN_NAME_LENGTH ? name : name.substring(0, SHOWN_NAME_LENGTH) + "...";
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

    /** What was wrong and where, in plain words. */
    private static String reason(Exception e) {
        if (String.valueOf(e.getMessage()).startsWith("Nesting limit")) {
            return "it is nested more than " + NESTING_LIMIT + " levels deep";
        }
        return JsonSyntaxMessage.describe(e);
    }

    /** Structural errors, and the fields they concern, so that the core's "is required" does not repeat them. */
    private static final class Collector {
        final List<FieldError> errors = new ArrayList<>();
        final Set<String> broken = new HashSet<>();

        void add(String field, String message) {
            errors.add(new FieldError(field, message));
            broken.add(field);
        }

        void wrongType(String field, String expected, JsonToken got) {
            add(field, expected + " (got " + typeName(got) + ")");
        }
    }
}
