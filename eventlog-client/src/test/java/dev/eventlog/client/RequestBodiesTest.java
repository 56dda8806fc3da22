package dev.eventlog.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.client.ScriptedApi.Reply;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.usecase.BatchResult;
import dev.eventlog.http.BatchJson;
import dev.eventlog.http.EventJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** What the client sends: batches of at most 25 events within the body limit, gzip-compressed above the threshold. */
class RequestBodiesTest {

    private static List<EventRecord> events(String day, int count, int attributeLength) {
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> attributes = new java.util.TreeMap<>();
            for (int a = 0; a < 32 && attributeLength > 0; a++) {
                attributes.put("a" + a, ("é" + i).repeat(attributeLength / 2).substring(0, attributeLength));
            }
            events.add(EventRecord.derived(
                    EventTime.parse(day, String.format("10:%02d:%02d", i / 60, i % 60)),
                    "user-" + i,
                    "view",
                    attributes));
        }
        return events;
    }

    private static Reply outcomes(List<EventRecord> events) {
        return Reply.json(
                201,
                BatchJson.write(new BatchResult(
                        events.stream().map(AppendResult::created).toList())));
    }

    @Test
    void sixtyEvents_goAsBatchesOfTwentyFiveTwentyFiveAndTen() {
        List<List<EventRecord>> chunks = BatchChunks.of(events("2024-05-01", 60, 0));

        assertEquals(List.of(25, 25, 10), chunks.stream().map(List::size).toList());
    }

    @Test
    void largeEvents_areSplitSoThatNoBatchExceedsTheApisBodyLimit() {
        List<EventRecord> large = events("2024-05-01", 25, 1024);

        List<List<EventRecord>> chunks = BatchChunks.of(large);

        assertTrue(chunks.size() > 1, "25 events of 32 attributes of 1,024 two-byte characters exceed 1 MiB");
        for (List<EventRecord> chunk : chunks) {
            assertTrue(EventJson.writeAll(chunk).getBytes(StandardCharsets.UTF_8).length <= 1024 * 1024);
        }
        assertEquals(large, chunks.stream().flatMap(List::stream).toList());
    }

    @Test
    void aBodyAboveTheThreshold_isSentGzipped_andOneBelowItAsItIs() throws Exception {
        List<EventRecord> batch = events("2024-05-01", 25, 100);
        EventRecord single = events("2024-05-02", 1, 0).get(0);
        try (ScriptedApi api = ScriptedApi.answering(outcomes(batch), outcomes(List.of(single)))) {
            HttpEventLog client =
                    HttpEventLog.builder().endpoint(api.endpoint()).build();

            client.appendAll(batch);
            client.append(single);

            ScriptedApi.Received large = api.received().get(0);
            assertEquals("gzip", large.header("Content-Encoding"));
            byte[] inflated = new GZIPInputStream(new ByteArrayInputStream(large.body())).readAllBytes();
            assertEquals(EventJson.writeAll(batch), new String(inflated, StandardCharsets.UTF_8));
            ScriptedApi.Received small = api.received().get(1);
            assertNull(small.header("Content-Encoding"));
            assertEquals(EventJson.writeAll(List.of(single)), new String(small.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void gzippedBatches_areRecordedByServe_andReadBackInPages() throws Exception {
        try (LocalApi api = LocalApi.start()) {
            HttpEventLog client =
                    HttpEventLog.builder().endpoint(api.endpoint()).gzipAbove(0).build();
            List<EventRecord> events = events("2031-02-03", 60, 40);

            List<AppendResult> results = client.appendAll(events);
            List<EventRecord> read = new ArrayList<>();
            EventQuery query =
                    EventQuery.of(new QueryScope.Day(LocalDate.of(2031, 2, 3))).withLimit(7);
            Optional<dev.eventlog.core.domain.EventKey> after = Optional.empty();
            do {
                var page = client.query(query, after);
                read.addAll(page.items());
                after = page.resumeAfter();
            } while (after.isPresent());

            assertTrue(results.stream().allMatch(r -> r.outcome() == AppendOutcome.CREATED));
            assertEquals(events, read);
        }
    }
}
