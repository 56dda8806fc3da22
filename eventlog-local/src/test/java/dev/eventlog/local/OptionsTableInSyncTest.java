package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The running-locally page's table of the runner's options names every option the runner accepts. */
class OptionsTableInSyncTest {

    static final Path DOCUMENT = Path.of("..", "docs", "running-locally.md");

    @Test
    void everyOption_hasARowInTheOptionsTable() throws IOException {
        String text = Files.readString(DOCUMENT);
        int start = text.indexOf("## Options");
        int end = text.indexOf("\n#", start + 1);
        String table = text.substring(start, end < 0 ? text.length() : end);
        List<String> missing = new ArrayList<>();
        for (RunnerOption option : RunnerOption.values()) {
            if (!table.contains("`" + option.name + "`") && !table.contains("`" + option.name + " ")) {
                missing.add(option.name);
            }
        }
        assertEquals(List.of(), missing, "options missing from the table under '## Options' in " + DOCUMENT);
    }
}
