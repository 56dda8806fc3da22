package dev.eventlog.local.data;

import dev.eventlog.core.port.EventErasureContract;
import dev.eventlog.core.port.EventErasurePort;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.retention.RetentionPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The data-file store honours the erasure contract. */
class FileEventLogErasureTest extends EventErasureContract {

    @TempDir
    Path dir;

    private int files;

    @Override
    protected EventLogPort createLog() {
        return FileEventLog.open(
                dir.resolve("log-" + files++ + ".ndjson"), ApiEventLines.LINES, RetentionPolicy.keepForever(), w -> {});
    }

    @Override
    protected EventErasurePort erasureOf(EventLogPort log) {
        return (FileEventLog) log;
    }
}
