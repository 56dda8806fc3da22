package dev.eventlog.lambda;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a JSON tree as compact text, as a {@code Gson} without HTML escaping writes it (members whose value is
 * JSON null left out), but without building a {@code Gson}: that loads about 170 classes of type adapters, a
 * measurable part of the first request and of a cold {@code invoke}, and the tree needs none of them.
 */
public final class JsonText {

    private JsonText() {}

    public static String of(JsonElement json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = new JsonWriter(text)) {
            writer.setSerializeNulls(false);
            writer.setHtmlSafe(false);
            writer.setStrictness(Strictness.LENIENT);
            write(json, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonElement json, JsonWriter writer) throws IOException {
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
                write(element, writer);
            }
            writer.endArray();
        } else {
            writer.beginObject();
            for (Map.Entry<String, JsonElement> member : json.getAsJsonObject().entrySet()) {
                writer.name(member.getKey());
                write(member.getValue(), writer);
            }
            writer.endObject();
        }
    }
}
