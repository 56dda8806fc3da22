package dev.eventlog.client;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.http.EventJson;
import dev.eventlog.http.RequestBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits events, in their order, into the batches one {@code POST /events} takes: at most
 * {@value EventLogService#MAX_BATCH} events whose JSON array fits the API's body limit once inflated.
 */
final class BatchChunks {

    /** The array's brackets, and room to spare. */
    private static final int ARRAY_OVERHEAD = 16;

    private BatchChunks() {}

    static List<List<EventRecord>> of(List<EventRecord> events) {
        List<List<EventRecord>> chunks = new ArrayList<>();
        List<EventRecord> chunk = new ArrayList<>();
        long bytes = ARRAY_OVERHEAD;
        for (EventRecord event : events) {
            // One event's JSON is far below the limit (32 attributes of 1,024 characters), so each fits alone.
            long size = EventJson.write(event).getBytes(StandardCharsets.UTF_8).length + 1;
            if (!chunk.isEmpty()
                    && (chunk.size() == EventLogService.MAX_BATCH || bytes + size > RequestBody.MAX_BYTES)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = ARRAY_OVERHEAD;
            }
            chunk.add(event);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
