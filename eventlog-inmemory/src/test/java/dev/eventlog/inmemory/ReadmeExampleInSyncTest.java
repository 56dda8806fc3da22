package dev.eventlog.inmemory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The library page's example (docs/library.md) is {@link ReadmeExampleTest} word for word, so what readers paste compiles. */
class ReadmeExampleInSyncTest {

    @Test
    void readmeShowsTheExampleTestExactly() throws IOException {
        // Surefire runs in the module's directory; the docs are the project's, one level up.
        String readme = Files.readString(Path.of("..", "docs", "library.md"), StandardCharsets.UTF_8);
        String example = Files.readString(
                Path.of("src", "test", "java", "dev", "eventlog", "inmemory", "ReadmeExampleTest.java"),
                StandardCharsets.UTF_8);
        assertTrue(
                readme.contains("```java\n" + example + "```\n"),
                "docs/library.md must show ReadmeExampleTest.java exactly");
    }
}
