package dev.eventlog.http;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.usecase.EventPage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A page of events in the original system's shape: {@code {"Items":[...],"Count":n,"NextToken":"..."}}, with
 * {@code NextToken} only when more remain. Written straight to text, event by event.
 */
public final class PageJson {

    public static final String ITEMS = "Items";
    public static final String COUNT = "Count";
    public static final String NEXT_TOKEN = "NextToken";

    private static final String MEMBERS = ITEMS + ", " + COUNT + " and " + NEXT_TOKEN;

    private PageJson() {}

    public static String write(EventPage page) {
        return JsonText.write(writer -> {
            writer.beginObject();
            writer.name(ITEMS).beginArray();
            for (EventRecord event : page.items()) {
                EventJson.write(event, writer);
            }
            writer.endArray();
            writer.name(COUNT).value(page.items().size());
            if (page.nextToken().isPresent()) {
                writer.name(NEXT_TOKEN).value(page.nextToken().get());
            }
            writer.endObject();
        });
    }

    /**
     * The page a JSON text holds, as {@link #write} writes it.
     *
     * @throws dev.eventlog.core.domain.InvalidInputException naming every problem, each event's by its index
     *     ({@code Items[3].date})
     */
    public static EventPage read(String json) {
        return DocumentReader.read(json, "page", JsonToken.BEGIN_OBJECT, PageJson::read);
    }

    private static EventPage read(JsonReader reader, FieldCollector collector) throws IOException {
        List<EventRecord> items = null;
        long count = -1;
        String nextToken = null;
        Set<String> seen = new HashSet<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (!seen.add(name)) {
                collector.add(name, "appears more than once in the same object");
                reader.skipValue();
                continue;
            }
            switch (name) {
                case ITEMS -> items = readItems(reader, collector);
                case COUNT -> count = DocumentReader.readCount(reader, COUNT, collector);
                case NEXT_TOKEN -> nextToken = EventObjectReader.readString(reader, NEXT_TOKEN, collector);
                default -> DocumentReader.unknownMember(reader, EventObjectReader.shown(name), MEMBERS, collector);
            }
        }
        reader.endObject();
        if (items == null) {
            collector.add(ITEMS, "is required");
        } else if (count >= 0 && count != items.size()) {
            collector.add(COUNT, "must be the number of items, " + items.size() + " (got " + count + ")");
        }
        if (!seen.contains(COUNT)) {
            collector.add(COUNT, "is required");
        }
        // With any error the document is refused as a whole, so no page is made from its parts.
        return collector.size() > 0 ? null : new EventPage(items, Optional.ofNullable(nextToken));
    }

    private static List<EventRecord> readItems(JsonReader reader, FieldCollector collector) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_ARRAY) {
            collector.wrongType(ITEMS, "must be an array of events", reader.peek());
            reader.skipValue();
            return null;
        }
        List<EventRecord> items = new ArrayList<>();
        reader.beginArray();
        for (int index = 0; reader.hasNext(); index++) {
            String field = ITEMS + "[" + index + "]";
            if (reader.peek() == JsonToken.BEGIN_OBJECT) {
                items.add(EventJson.read(reader, field + ".", collector));
            } else {
                collector.wrongType(field, "must be an event object", reader.peek());
                reader.skipValue();
                items.add(null);
            }
        }
        reader.endArray();
        return items;
    }
}
