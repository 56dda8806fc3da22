package dev.eventlog.http;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.usecase.BatchResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer to a batch: each event's outcome in request order, and the count of each outcome:
 * {@code {"results":[{"index":0,"outcome":"created","event":{...}}],"created":1,"existing":0,"conflict":0}}.
 */
public final class BatchJson {

    public static final String RESULTS = "results";
    public static final String INDEX = "index";
    public static final String OUTCOME = "outcome";
    public static final String EVENT = "event";

    private BatchJson() {}

    public static String write(BatchResult batch) {
        return JsonText.write(writer -> {
            writer.beginObject();
            writer.name(RESULTS).beginArray();
            List<AppendResult> results = batch.results();
            for (int i = 0; i < results.size(); i++) {
                writer.beginObject();
                writer.name(INDEX).value(i);
                writer.name(OUTCOME).value(results.get(i).outcome().label());
                writer.name(EVENT);
                EventJson.write(results.get(i).event(), writer);
                writer.endObject();
            }
            writer.endArray();
            for (AppendOutcome outcome : AppendOutcome.values()) {
                writer.name(outcome.label()).value(batch.count(outcome));
            }
            writer.endObject();
        });
    }

    /**
     * The outcomes a JSON text holds, as {@link #write} writes them: each result's index must be its position and
     * each count the number of results with that outcome.
     *
     * @throws dev.eventlog.core.domain.InvalidInputException naming every problem ({@code results[2].outcome})
     */
    public static BatchResult read(String json) {
        return DocumentReader.read(json, "batch", JsonToken.BEGIN_OBJECT, BatchJson::read);
    }

    private static BatchResult read(JsonReader reader, FieldCollector collector) throws IOException {
        List<AppendResult> results = null;
        Map<AppendOutcome, Long> counts = new EnumMap<>(AppendOutcome.class);
        Set<String> seen = new HashSet<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            AppendOutcome counted = outcome(name);
            if (!seen.add(name)) {
                collector.add(name, "appears more than once in the same object");
                reader.skipValue();
            } else if (name.equals(RESULTS)) {
                results = readResults(reader, collector);
            } else if (counted != null) {
                counts.put(counted, DocumentReader.readCount(reader, name, collector));
            } else {
                DocumentReader.unknownMember(
                        reader, EventObjectReader.shown(name), RESULTS + " and the count of each outcome", collector);
            }
        }
        reader.endObject();
        if (results == null) {
            collector.add(RESULTS, "is required");
        }
        for (AppendOutcome outcome : AppendOutcome.values()) {
            Long count = counts.get(outcome);
            long actual = results == null
                    ? -1
                    : results.stream()
                            .filter(r -> r != null && r.outcome() == outcome)
                            .count();
            if (count == null) {
                collector.add(outcome.label(), "is required");
            } else if (count >= 0 && actual >= 0 && collector.size() == 0 && count != actual) {
                collector.add(
                        outcome.label(),
                        "must be the number of '" + outcome.label() + "' results, " + actual + " (got " + count + ")");
            }
        }
        return collector.size() > 0 ? null : new BatchResult(results);
    }

    private static List<AppendResult> readResults(JsonReader reader, FieldCollector collector) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_ARRAY) {
            collector.wrongType(RESULTS, "must be an array of results", reader.peek());
            reader.skipValue();
            return null;
        }
        List<AppendResult> results = new ArrayList<>();
        reader.beginArray();
        for (int index = 0; reader.hasNext(); index++) {
            String field = RESULTS + "[" + index + "]";
            if (reader.peek() == JsonToken.BEGIN_OBJECT) {
                results.add(readResult(reader, field, index, collector));
            } else {
                collector.wrongType(field, "must be a result object", reader.peek());
                reader.skipValue();
                results.add(null);
            }
        }
        reader.endArray();
        return results;
    }

    private static AppendResult readResult(JsonReader reader, String field, int position, FieldCollector collector)
            throws IOException {
        long index = -1;
        AppendOutcome outcome = null;
        EventRecord event = null;
        Set<String> seen = new HashSet<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            String member = field + "." + EventObjectReader.shown(name);
            if (!seen.add(name)) {
                collector.add(member, "appears more than once in the same object");
                reader.skipValue();
                continue;
            }
            switch (name) {
                case INDEX -> index = DocumentReader.readCount(reader, member, collector);
                case OUTCOME -> {
                    String label = EventObjectReader.readString(reader, member, collector);
                    outcome = outcome(label);
                    if (label != null && outcome == null) {
                        collector.add(member, "must be created, existing or conflict (got " + label + ")");
                    }
                }
                case EVENT -> {
                    if (reader.peek() == JsonToken.BEGIN_OBJECT) {
                        event = EventJson.read(reader, member + ".", collector);
                    } else {
                        collector.wrongType(member, "must be an event object", reader.peek());
                        reader.skipValue();
                    }
                }
                default ->
                    DocumentReader.unknownMember(reader, member, INDEX + ", " + OUTCOME + " and " + EVENT, collector);
            }
        }
        reader.endObject();
        for (String required : List.of(INDEX, OUTCOME, EVENT)) {
            if (!seen.contains(required)) {
                collector.add(field + "." + required, "is required");
            }
        }
        if (index >= 0 && index != position) {
            collector.add(field + "." + INDEX, "must be the result's position, " + position + " (got " + index + ")");
        }
        return outcome == null || event == null ? null : new AppendResult(event, outcome);
    }

    /** The outcome with this label, or null. */
    private static AppendOutcome outcome(String label) {
        if (label == null) {
            return null;
        }
        for (AppendOutcome outcome : AppendOutcome.values()) {
            if (outcome.label().equals(label)) {
                return outcome;
            }
        }
        return null;
    }
}
