package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guarantees page (docs/guarantees.md) states how many inputs the fuzz corpus holds and how many of them are hand-written; this test counts
 * the files that {@code HandlerFuzzIT} replays and holds the page's numbers equal to them, so they cannot drift.
 * Inputs kept from fuzzing sessions are named {@code found-...}; every other file was written by hand.
 */
class FuzzCorpusTest {

    private static final String CORPUS = "src/test/resources/dev/eventlog/local/reliability/HandlerFuzzITInputs";

    @Test
    void readmeCorpusCounts_areTheCommittedInputs() throws IOException {
        Path module = moduleDir();
        List<String> inputs;
        try (Stream<Path> files = Files.walk(module.resolve(CORPUS))) {
            inputs = files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .toList();
        }
        long found = inputs.stream().filter(name -> name.startsWith("found-")).count();
        String readme = Files.readString(
                        module.getParent().resolve("docs").resolve("guarantees.md"), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ");

        assertEquals(number(readme, "HandlerFuzzITInputs`, (\\d+) inputs\\)"), inputs.size(), "inputs in the corpus");
        assertEquals(
                number(readme, "corpus holds (\\d+) hand-written inputs"),
                inputs.size() - found,
                "hand-written inputs");
        assertEquals(number(readme, "and (\\d+) picked from a"), found, "inputs kept from fuzzing");
    }

    private static long number(String readme, String sentence) {
        Matcher matcher = Pattern.compile(sentence).matcher(readme);
        assertTrue(matcher.find(), "docs/guarantees.md states: " + sentence);
        return Long.parseLong(matcher.group(1));
    }

    /** The eventlog-local module, whether the build runs from it or from the repository root. */
    private static Path moduleDir() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(here.resolve(CORPUS)) ? here : here.resolve("eventlog-local");
    }
}
