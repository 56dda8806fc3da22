package dev.eventlog.lambda;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.usecase.BatchResult;
import dev.eventlog.core.usecase.EventPage;
import java.util.List;
import java.util.Map;

/** Renders the API's response bodies (events, batch outcomes, pages, problems) as JSON text. */
final class EventJsonWriter {

    private EventJsonWriter() {}

    /**
     * An event as stored: {@code date}, {@code time}, {@code eventId}, {@code userId}, {@code eventType}, and
     * {@code attributes} when it has any.
     */
    static JsonObject event(EventRecord event) {
        JsonObject json = new JsonObject();
        json.addProperty("date", event.key().dateText());
        json.addProperty("time", event.key().timeText());
        json.addProperty("eventId", event.eventId());
        json.addProperty("userId", event.userId());
        json.addProperty("eventType", event.eventType());
        if (!event.attributes().isEmpty()) {
            JsonObject attributes = new JsonObject();
            for (Map.Entry<String, String> entry : event.attributes().entrySet()) {
                attributes.addProperty(entry.getKey(), entry.getValue());
            }
            json.add("attributes", attributes);
        }
        return json;
    }

    static String batch(BatchResult batch) {
        JsonArray results = new JsonArray();
        List<AppendResult> all = batch.results();
        for (int i = 0; i < all.size(); i++) {
            JsonObject result = new JsonObject();
            result.addProperty("index", i);
            result.addProperty("outcome", all.get(i).outcome().label());
            result.add("event", event(all.get(i).event()));
            results.add(result);
        }
        JsonObject json = new JsonObject();
        json.add("results", results);
        for (AppendOutcome outcome : AppendOutcome.values()) {
            json.addProperty(outcome.label(), batch.count(outcome));
        }
        return text(json);
    }

    /** A page in the original system's shape: {@code Items}, {@code Count}, and {@code NextToken} only when more remain. */
    static String page(EventPage page) {
        JsonArray items = new JsonArray();
        page.items().forEach(e -> items.add(event(e)));
        JsonObject json = new JsonObject();
        json.add("Items", items);
        json.addProperty("Count", page.items().size());
        page.nextToken().ifPresent(token -> json.addProperty("NextToken", token));
        return text(json);
    }

    /** An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, and {@code errors} when fields are at fault. */
    static String problem(ProblemType type, String detail, List<FieldError> errors) {
        JsonObject json = new JsonObject();
        json.addProperty("type", type.uri());
        json.addProperty("title", type.title());
        json.addProperty("status", type.status());
        json.addProperty("detail", detail);
        if (!errors.isEmpty()) {
            JsonArray list = new JsonArray();
            for (FieldError error : errors) {
                JsonObject item = new JsonObject();
                item.addProperty("field", error.field());
                item.addProperty("message", error.message());
                list.add(item);
            }
            json.add("errors", list);
        }
        return text(json);
    }

    static String text(JsonElement json) {
        return JsonText.of(json);
    }
}
