package dev.eventlog.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.usecase.BatchResult;
import dev.eventlog.core.usecase.EventPage;
import java.util.List;

/**
 * The documents as the API wrote them before it wrote straight to text: a gson tree, written by {@code Gson} without
 * HTML escaping. The streaming writers are held byte for byte equal to it.
 */
final class TreeForm {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private TreeForm() {}

    static String text(JsonElement tree) {
        return GSON.toJson(tree);
    }

    static JsonObject event(EventRecord event) {
        JsonObject json = new JsonObject();
        json.addProperty("date", event.key().dateText());
        json.addProperty("time", event.key().timeText());
        json.addProperty("eventId", event.eventId());
        json.addProperty("userId", event.userId());
        json.addProperty("eventType", event.eventType());
        if (!event.attributes().isEmpty()) {
            JsonObject attributes = new JsonObject();
            event.attributes().forEach(attributes::addProperty);
            json.add("attributes", attributes);
        }
        return json;
    }

    static JsonObject page(EventPage page) {
        JsonArray items = new JsonArray();
        page.items().forEach(e -> items.add(event(e)));
        JsonObject json = new JsonObject();
        json.add("Items", items);
        json.addProperty("Count", page.items().size());
        page.nextToken().ifPresent(token -> json.addProperty("NextToken", token));
        return json;
    }

    static JsonObject batch(BatchResult batch) {
        JsonArray results = new JsonArray();
        for (int i = 0; i < batch.results().size(); i++) {
            JsonObject result = new JsonObject();
            result.addProperty("index", i);
            result.addProperty("outcome", batch.results().get(i).outcome().label());
            result.add("event", event(batch.results().get(i).event()));
            results.add(result);
        }
        JsonObject json = new JsonObject();
        json.add("results", results);
        for (AppendOutcome outcome : AppendOutcome.values()) {
            json.addProperty(outcome.label(), batch.count(outcome));
        }
        return json;
    }

    static JsonObject problem(ProblemType type, String detail, List<FieldError> errors) {
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
        return json;
    }
}
