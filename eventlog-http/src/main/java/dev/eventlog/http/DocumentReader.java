package dev.eventlog.http;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.eventlog.core.domain.InvalidInputException;
import java.io.IOException;

/**
 * Reads one whole JSON document of the API strictly: malformed JSON, more content after the document, or any error
 * the content reader collected fail it with an {@link InvalidInputException} naming each field (or the document,
 * for its syntax).
 */
final class DocumentReader {

    /** Reads a document's content, reporting what is wrong with it to the collector. */
    @FunctionalInterface
    interface Content<T> {
        T read(JsonReader reader, FieldCollector collector) throws IOException;
    }

    private DocumentReader() {}

    /**
     * The value {@code content} reads from {@code json}.
     *
     * @param document what the text is (such as {@code event}), the field syntax errors are reported under
     */
    static <T> T read(String json, String document, JsonToken expected, Content<T> content) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException(document, "is empty");
        }
        FieldCollector collector = new FieldCollector();
        T value;
        try (JsonReader reader = JsonText.reader(json)) {
            JsonToken top = reader.peek();
            if (top != expected) {
                throw new InvalidInputException(
                        document,
                        "must be " + FieldCollector.typeName(expected) + " (got " + FieldCollector.typeName(top) + ")");
            }
            value = content.read(reader, collector);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new InvalidInputException(document, "is followed by more content after its JSON value");
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new InvalidInputException(document, "is not valid JSON: " + JsonSyntaxMessage.describe(e));
        }
        if (!collector.errors().isEmpty()) {
            throw new InvalidInputException(collector.errors());
        }
        return value;
    }

    /** A whole number, or -1 (with an error) when the member holds anything else. */
    static long readCount(JsonReader reader, String field, FieldCollector collector) throws IOException {
        JsonToken token = reader.peek();
        if (token == JsonToken.NUMBER) {
            String text = reader.nextString();
            if (text.matches("0|[1-9][0-9]{0,17}")) {
                return Long.parseLong(text);
            }
            collector.add(field, "must be a whole number (got " + text + ")");
            return -1;
        }
        collector.wrongType(field, "must be a whole number", token);
        reader.skipValue();
        return -1;
    }

    /** Reports a member the document does not have, and skips its value. */
    static void unknownMember(JsonReader reader, String field, String known, FieldCollector collector)
            throws IOException {
        collector.add(field, "is not a known member; there are only " + known);
        reader.skipValue();
    }
}
