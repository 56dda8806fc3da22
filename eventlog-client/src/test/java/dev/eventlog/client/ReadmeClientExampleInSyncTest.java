package dev.eventlog.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The service example of docs/sending-events.md and its unit test are these test sources word for word, so what readers paste compiles. */
class ReadmeClientExampleInSyncTest {

    @Test
    void readmeShowsTheServiceExampleAndItsTestExactly() throws IOException {
        // Surefire runs in the module's directory; the docs are the project's, one level up.
        String readme = Files.readString(Path.of("..", "docs", "sending-events.md"), StandardCharsets.UTF_8);
        for (String example : new String[] {"CheckoutEvents.java", "CheckoutEventsTest.java"}) {
            String source = Files.readString(
                    Path.of("src", "test", "java", "dev", "eventlog", "client", example), StandardCharsets.UTF_8);
            assertTrue(
                    readme.contains("```java\n" + source + "```\n"),
                    "docs/sending-events.md must show " + example + " exactly");
        }
    }
}
