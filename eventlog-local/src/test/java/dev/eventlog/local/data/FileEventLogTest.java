package dev.eventlog.local.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.retention.RetentionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data file keeps what was acknowledged across restarts, and refuses to start on a file it cannot trust. */
class FileEventLogTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private FileEventLog open(Path file) {
        return FileEventLog.open(file, ApiEventLines.LINES, RetentionPolicy.keepForever(), warnings::add);
    }

    private static EventRecord event(String time, String id, String user) {
        return new EventRecord(EventKey.parse("2024-07-01", time, id), user, "login");
    }

    @Test
    void eventsWritten_areThereAfterAReopen_asExportLines() throws IOException {
        Path file = dir.resolve("log.ndjson");
        EventRecord first = event("08:00:00", "a", "alice");
        EventRecord second = event("09:00:00", "b", "bob");
        try (FileEventLog log = open(file)) {
            log.appendAll(List.of(first, second));
        }
        assertEquals(
                List.of(ApiEventLines.LINES.write(first), ApiEventLines.LINES.write(second)), Files.readAllLines(file));
        try (FileEventLog log = open(file)) {
            assertEquals(2, log.size());
            assertEquals(second, log.find(second.key()).orElseThrow());
            assertEquals(AppendOutcome.EXISTING, log.append(first).outcome());
            assertEquals(
                    AppendOutcome.CONFLICT,
                    log.append(event("08:00:00", "a", "mallory")).outcome());
        }
        assertEquals(2, Files.readAllLines(file).size(), "an existing or conflicting write adds no line");
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aTornLastLine_isDroppedWithAWarningNamingItsOffset_andWritesGoOnAfterIt() throws IOException {
        Path file = dir.resolve("torn.ndjson");
        String whole = ApiEventLines.LINES.write(event("08:00:00", "a", "alice")) + "\n";
        Files.writeString(file, whole + "{\"date\":\"2024-07-01\",\"ti", StandardCharsets.UTF_8);

        try (FileEventLog log = open(file)) {
            assertEquals(1, log.size());
            log.append(event("10:00:00", "c", "carol"));
        }

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(
                warnings.get(0).contains("byte offset " + whole.getBytes(StandardCharsets.UTF_8).length),
                warnings.get(0));
        try (FileEventLog log = open(file)) {
            assertEquals(2, log.size());
        }
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void aBadLineBeforeTheLast_stopsTheStart_namingItsLineNumber_andTheFileIsUntouched() throws IOException {
        Path file = dir.resolve("bad.ndjson");
        String content = ApiEventLines.LINES.write(event("08:00:00", "a", "alice")) + "\n"
                + "{\"date\":\"2024-07-01\",\"time\":\"25:00:00\",\"userId\":\"u\",\"eventType\":\"t\"}\n"
                + ApiEventLines.LINES.write(event("09:00:00", "b", "bob")) + "\n";
        Files.writeString(file, content, StandardCharsets.UTF_8);

        StoreConfigurationException refused = assertThrows(StoreConfigurationException.class, () -> open(file));

        assertTrue(refused.getMessage().contains("line 2"), refused.getMessage());
        assertEquals(content, Files.readString(file));
    }

    @Test
    void twoDifferentEventsUnderOneKey_inTheFile_stopTheStart() throws IOException {
        Path file = dir.resolve("twice.ndjson");
        Files.writeString(
                file,
                ApiEventLines.LINES.write(event("08:00:00", "a", "alice")) + "\n"
                        + ApiEventLines.LINES.write(event("08:00:00", "a", "mallory")) + "\n");

        StoreConfigurationException refused = assertThrows(StoreConfigurationException.class, () -> open(file));

        assertTrue(refused.getMessage().contains("two different events"), refused.getMessage());
    }

    @Test
    void erasingAUser_rewritesTheFileWithoutTheirLines_andLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("erase.ndjson");
        try (FileEventLog log = open(file)) {
            log.appendAll(List.of(
                    event("08:00:00", "a", "alice"), event("09:00:00", "b", "bob"), event("10:00:00", "c", "alice")));
            assertEquals(2, log.erase("alice").events());
            assertEquals(0, log.erase("alice").events());
        }
        String left = Files.readString(file);
        assertFalse(left.contains("alice"), left);
        assertTrue(left.contains("bob"), left);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        try (FileEventLog log = open(file)) {
            assertEquals(1, log.size());
        }
    }
}
