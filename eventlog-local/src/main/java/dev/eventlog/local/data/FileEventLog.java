package dev.eventlog.local.data;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.ErasureReport;
import dev.eventlog.core.port.EventErasurePort;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.retention.RetentionPolicy;
import dev.eventlog.inmemory.InMemoryEventLog;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * {@link EventLogPort} in memory that survives a restart: the log is kept in a file of NDJSON lines, the export
 * format. The file is read at start; each write that creates events appends their lines in one write and forces it
 * to disk before it is answered, so an acknowledged event is never lost, even to {@code kill -9}; erasing a user
 * rewrites the file atomically. Reads are the in-memory store's. Writes are one at a time, which the disk's flush
 * bounds anyway.
 */
public final class FileEventLog implements EventLogPort, EventErasurePort, AutoCloseable {

    private final InMemoryEventLog memory;
    /** Every stored event, expired or not, to decide a write's outcome: a write never overwrites. */
    private final ConcurrentSkipListMap<EventKey, EventRecord> stored = new ConcurrentSkipListMap<>();

    private final DataFile file;
    private final ReentrantLock writes = new ReentrantLock();

    private FileEventLog(Path path, EventLines lines, RetentionPolicy retention, Consumer<String> warnings) {
        this.memory = new InMemoryEventLog(retention);
        int[] number = {0};
        this.file = DataFile.open(
                path,
                lines,
                event -> {
                    number[0]++;
                    EventRecord before = stored.putIfAbsent(event.key(), event);
                    if (before == null) {
                        memory.append(event);
                    } else if (!before.equals(event)) {
                        throw new StoreConfigurationException(
                                "data file " + path + " holds two different events at " + event.key()
                                        + " (the second is its event number " + number[0] + ")",
                                null);
                    }
                },
                warnings);
    }

    /**
     * Opens (or creates) the file and loads it; warnings (a torn last line dropped) go to {@code warnings}.
     *
     * @throws StoreConfigurationException when the file cannot be opened or holds a line that is not an event
     */
    public static FileEventLog open(Path path, EventLines lines, RetentionPolicy retention, Consumer<String> warnings) {
        return new FileEventLog(path, lines, retention, warnings);
    }

    public Path path() {
        return file.path();
    }

    /** The number of stored events. */
    public int size() {
        return stored.size();
    }

    @Override
    public AppendResult append(EventRecord event) {
        return appendAll(List.of(event)).get(0);
    }

    @Override
    public List<AppendResult> appendAll(List<EventRecord> events) {
        writes.lock();
        try {
            List<AppendResult> results = new ArrayList<>(events.size());
            Map<EventKey, EventRecord> created = new HashMap<>();
            List<EventRecord> toWrite = new ArrayList<>();
            for (EventRecord event : events) {
                EventRecord existing = stored.get(event.key());
                if (existing == null) {
                    existing = created.get(event.key());
                }
                if (existing == null) {
                    created.put(event.key(), event);
                    toWrite.add(event);
                    results.add(AppendResult.created(event));
                } else {
                    results.add(existing.equals(event) ? AppendResult.existing(event) : AppendResult.conflict(event));
                }
            }
            try {
                file.append(toWrite);
            } catch (UncheckedIOException e) {
                throw new StoreUnavailableException(
                        "the data file " + file.path() + " could not be written (nothing of this write is stored): "
                                + e.getCause().getMessage(),
                        e);
            }
            for (EventRecord event : toWrite) {
                stored.put(event.key(), event);
                memory.append(event);
            }
            return results;
        } finally {
            writes.unlock();
        }
    }

    @Override
    public Optional<EventRecord> find(EventKey key) {
        return memory.find(key);
    }

    @Override
    public Page query(EventQuery query, Optional<EventKey> after) {
        return memory.query(query, after);
    }

    @Override
    public ErasureReport preview(String userId) {
        return memory.preview(userId);
    }

    /** Erases the user's events and rewrites the file without them, atomically. */
    @Override
    public ErasureReport erase(String userId) {
        writes.lock();
        try {
            ErasureReport report = memory.preview(userId);
            // Events past the retention period are not counted, but they are in the file and go too.
            if (stored.values().stream().noneMatch(event -> event.userId().equals(userId))) {
                return report;
            }
            List<EventRecord> kept = stored.values().stream()
                    .filter(event -> !event.userId().equals(userId))
                    .toList();
            try {
                file.rewrite(kept);
            } catch (UncheckedIOException e) {
                throw new StoreUnavailableException(
                        "the data file " + file.path() + " could not be rewritten (it still holds every event): "
                                + e.getCause().getMessage(),
                        e);
            }
            stored.values().removeIf(event -> event.userId().equals(userId));
            return memory.erase(userId);
        } finally {
            writes.unlock();
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
