package dev.eventlog.http;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.eventlog.core.domain.EventDraft;
import dev.eventlog.core.domain.FieldError;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code POST /events} body, read strictly into event drafts: one event object or an array of them. Every
 * structural problem is collected with the field it concerns (unknown fields, duplicate keys, wrong JSON types);
 * malformed or too deeply nested JSON is refused as a whole. The drafts are not validated here: that is the core's
 * job, and {@link #withDomainErrors} joins its errors to these.
 *
 * @param drafts the events in order; one whose entry was not an object is an empty draft
 * @param batch whether the body was an array
 * @param errors every structural error found
 * @param brokenFields the fields those errors concern
 */
public record PostBody(List<EventDraft> drafts, boolean batch, List<FieldError> errors, Set<String> brokenFields) {

    public PostBody {
        drafts = List.copyOf(drafts);
        errors = List.copyOf(errors);
        brokenFields = Set.copyOf(brokenFields);
    }

    /**
     * Reads a body.
     *
     * @throws ApiProblem 400 for an empty body, malformed JSON, or a value that is neither an object nor an array
     */
    public static PostBody read(String body) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.badRequest(
                    "the request body is empty; send one event object or an array of 1 to 25 event objects");
        }
        if (body.charAt(0) == '\uFEFF') {
            // JSON text must not start with a byte-order mark (RFC 8259); the parser would skip it unnoticed.
            throw ApiProblem.badRequest(
                    "the request body starts with a byte-order mark (U+FEFF); send the JSON without one");
        }
        FieldCollector collector = new FieldCollector();
        try (JsonReader reader = JsonText.reader(body)) {
            List<EventDraft> drafts = new ArrayList<>();
            boolean batch;
            JsonToken top = reader.peek();
            if (top == JsonToken.BEGIN_OBJECT) {
                batch = false;
                drafts.add(EventObjectReader.read(reader, "", EventObjectReader.SENT_FIELDS, collector));
            } else if (top == JsonToken.BEGIN_ARRAY) {
                batch = true;
                reader.beginArray();
                for (int index = 0; reader.hasNext(); index++) {
                    if (reader.peek() == JsonToken.BEGIN_OBJECT) {
                        drafts.add(EventObjectReader.read(
                                reader, "[" + index + "].", EventObjectReader.SENT_FIELDS, collector));
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
                                + FieldCollector.typeName(top) + ")");
            }
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw ApiProblem.badRequest(
                        "the request body is not valid JSON: more content follows the first JSON value");
            }
            return new PostBody(drafts, batch, collector.errors(), collector.broken());
        } catch (EOFException e) {
            throw ApiProblem.badRequest(
                    "the request body is not valid JSON: it ends before the JSON value is complete");
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw ApiProblem.badRequest("the request body is not valid JSON: " + JsonSyntaxMessage.describe(e));
        }
    }

    /**
     * This body's structural errors followed by those of {@code domainErrors} (the core's rules for the same drafts)
     * that no structural error already covers, so that one answer names every problem once.
     */
    public List<FieldError> withDomainErrors(List<FieldError> domainErrors) {
        List<FieldError> all = new ArrayList<>(errors);
        for (FieldError error : domainErrors) {
            if (!FieldCollector.covers(brokenFields, error.field())) {
                all.add(error);
            }
        }
        return all;
    }
}
