package dev.eventlog.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes and reads JSON text as the API does. Text is written compact, without HTML escaping and with members
 * whose value is null left out, straight from the values through gson's streaming {@link JsonWriter}: no tree is
 * built, and no {@code Gson}, whose type adapters are about 170 classes to load on a cold start. Text is read
 * strictly (RFC 8259, no comments or single quotes) and only so deep.
 */
public final class JsonText {

    /** Deep enough for any document of the API (a batch's array of events with attributes); deeper is refused. */
    public static final int NESTING_LIMIT = 16;

    /** Writes one JSON value. */
    @FunctionalInterface
    public interface Value {
        void writeTo(JsonWriter writer) throws IOException;
    }

    private JsonText() {}

    /** The value as compact JSON text. */
    public static String write(Value value) {
        TextBuffer text = new TextBuffer();
        try (JsonWriter writer = writer(text)) {
            value.writeTo(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A writer on {@code out} set up as the API writes: compact, no HTML escaping, null members left out. */
    public static JsonWriter writer(Writer out) {
        JsonWriter writer = new JsonWriter(out);
        writer.setSerializeNulls(false);
        writer.setHtmlSafe(false);
        // Lenient only so that a metric's NaN could be written; nothing the API writes is one.
        writer.setStrictness(Strictness.LENIENT);
        return writer;
    }

    /** A strict reader of {@code text} with the API's nesting limit. */
    public static JsonReader reader(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(NESTING_LIMIT);
        return reader;
    }

    /** A JSON tree as text, written as {@link #write} writes: for tools that build a tree anyway. */
    public static String of(JsonElement json) {
        return write(writer -> writeTree(json, writer));
    }

    private static void writeTree(JsonElement json, JsonWriter writer) throws IOException {
        if (json == null || json.isJsonNull()) {
            writer.nullValue();
        } else if (json.isJsonPrimitive()) {
            JsonPrimitive value = json.getAsJsonPrimitive();
            if (value.isNumber()) {
                writer.value(value.getAsNumber());
            } else if (value.isBoolean()) {
                writer.value(value.getAsBoolean());
            } else {
                writer.value(value.getAsString());
            }
        } else if (json.isJsonArray()) {
            writer.beginArray();
            for (JsonElement element : json.getAsJsonArray()) {
                writeTree(element, writer);
            }
            writer.endArray();
        } else {
            writer.beginObject();
            for (Map.Entry<String, JsonElement> member : json.getAsJsonObject().entrySet()) {
                writer.name(member.getKey());
                writeTree(member.getValue(), writer);
            }
            writer.endObject();
        }
    }
}
