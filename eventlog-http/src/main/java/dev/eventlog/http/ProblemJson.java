package dev.eventlog.http;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.eventlog.core.domain.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}): {@code type}, {@code title}, {@code status},
 * {@code detail}, and {@code errors} when fields are at fault, each error a {@code field} and a {@code message}.
 */
public final class ProblemJson {

    public static final String TYPE = "type";
    public static final String TITLE = "title";
    public static final String STATUS = "status";
    public static final String DETAIL = "detail";
    public static final String ERRORS = "errors";
    public static final String FIELD = "field";
    public static final String MESSAGE = "message";

    private ProblemJson() {}

    public static String write(ProblemType type, String detail, List<FieldError> errors) {
        return JsonText.write(writer -> {
            writer.beginObject();
            writer.name(TYPE).value(type.uri());
            writer.name(TITLE).value(type.title());
            writer.name(STATUS).value(type.status());
            writer.name(DETAIL).value(detail);
            if (!errors.isEmpty()) {
                writer.name(ERRORS).beginArray();
                for (FieldError error : errors) {
                    writer.beginObject();
                    writer.name(FIELD).value(error.field());
                    writer.name(MESSAGE).value(error.message());
                    writer.endObject();
                }
                writer.endArray();
            }
            writer.endObject();
        });
    }

    /**
     * The problem a JSON text holds. Members RFC 9457 leaves to extensions are skipped, as the RFC asks of clients;
     * {@code type} and {@code status} are required.
     *
     * @throws dev.eventlog.core.domain.InvalidInputException when the text is not such a problem
     */
    public static Problem read(String json) {
        return DocumentReader.read(json, "problem", JsonToken.BEGIN_OBJECT, ProblemJson::read);
    }

    private static Problem read(JsonReader reader, FieldCollector collector) throws IOException {
        String type = null;
        String title = null;
        long status = -1;
        String detail = null;
        List<FieldError> errors = new ArrayList<>();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case TYPE -> type = EventObjectReader.readString(reader, TYPE, collector);
                case TITLE -> title = EventObjectReader.readString(reader, TITLE, collector);
                case STATUS -> status = DocumentReader.readCount(reader, STATUS, collector);
                case DETAIL -> detail = EventObjectReader.readString(reader, DETAIL, collector);
                case ERRORS -> errors = readErrors(reader, collector);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (type == null) {
            collector.add(TYPE, "is required");
        }
        if (status < 100 || status > 599) {
            collector.add(STATUS, "must be an HTTP status from 100 to 599");
        }
        return collector.size() > 0 ? null : new Problem(type, title, (int) status, detail, errors);
    }

    private static List<FieldError> readErrors(JsonReader reader, FieldCollector collector) throws IOException {
        List<FieldError> errors = new ArrayList<>();
        if (reader.peek() != JsonToken.BEGIN_ARRAY) {
            collector.wrongType(ERRORS, "must be an array of field errors", reader.peek());
            reader.skipValue();
            return errors;
        }
        reader.beginArray();
        for (int index = 0; reader.hasNext(); index++) {
            String entry = ERRORS + "[" + index + "]";
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                collector.wrongType(entry, "must be an object with a field and a message", reader.peek());
                reader.skipValue();
                continue;
            }
            String field = null;
            String message = null;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case FIELD -> field = EventObjectReader.readString(reader, entry + "." + FIELD, collector);
                    case MESSAGE -> message = EventObjectReader.readString(reader, entry + "." + MESSAGE, collector);
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (field == null || message == null) {
                collector.add(entry, "must have a field and a message");
            } else {
                errors.add(new FieldError(field, message));
            }
        }
        reader.endArray();
        return errors;
    }
}
