package dev.eventlog.local.data;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.port.EventLogPortContract;
import dev.eventlog.core.retention.RetentionPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The data-file store honours the whole port contract, each test on a new file. */
class FileEventLogContractTest extends EventLogPortContract {

    @Override
    protected EventLogPort createPort() {
        try {
            Path file = Files.createTempFile("eventlog-contract", ".ndjson");
            return FileEventLog.open(file, ApiEventLines.LINES, RetentionPolicy.keepForever(), warning -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeAndRemoveTheFile() throws IOException {
        FileEventLog log = (FileEventLog) port;
        log.close();
        Files.deleteIfExists(log.path());
    }
}
