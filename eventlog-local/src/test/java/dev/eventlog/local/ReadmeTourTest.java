package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's tour is run as a reader runs it: each {@code curl} command, in order, by the real curl against a
 * fresh {@code serve}, and its answer compared with the one the README shows under it (the status line, every
 * header shown, and the body as JSON), so the first commands a newcomer types cannot go stale.
 */
class ReadmeTourTest {

    static final Path README = Path.of("..", "README.md");
    private static final Pattern STEP =
            Pattern.compile("```sh\\n(curl [^\\n]+)\\n```\\n```http\\n(.*?)\\n```", Pattern.DOTALL);
    private static final String SHOWN_ADDRESS = "http://127.0.0.1:3000";

    /** One command of the tour and the answer the README shows for it. */
    record Step(String command, String statusLine, List<String> headers, String body) {}

    static List<Step> steps() throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        int start = text.indexOf("<!-- tour");
        int end = text.indexOf("<!-- /tour -->");
        assertTrue(start >= 0 && end > start, "the README marks its tour with <!-- tour ... --> and <!-- /tour -->");
        List<Step> steps = new ArrayList<>();
        Matcher step = STEP.matcher(text.substring(start, end));
        while (step.find()) {
            String[] answer = step.group(2).split("\\n\\n", 2);
            List<String> head = List.of(answer[0].split("\\n"));
            steps.add(new Step(
                    step.group(1), head.get(0), head.subList(1, head.size()), answer.length > 1 ? answer[1] : ""));
        }
        return steps;
    }

    @Test
    void everyTourCommand_answersAsTheReadmeShows() throws Exception {
        Assumptions.assumeTrue(curlFound(), "curl is not installed: the README's tour cannot be run");
        List<Step> steps = steps();
        assertTrue(steps.size() >= 5, "the tour shows its commands with their answers: " + steps.size() + " found");
        try (GatewayFixture serve = GatewayFixture.with(LocalRunner::handler)) {
            String address = serve.uri("").toString();
            for (Step step : steps) {
                assertTrue(step.command().contains(SHOWN_ADDRESS), step.command());
                String answer = curl(step.command().replace(SHOWN_ADDRESS, address));
                String[] parts = answer.split("\\r?\\n\\r?\\n", 2);
                List<String> head = List.of(parts[0].split("\\r?\\n"));
                assertEquals(step.statusLine(), head.get(0), step.command());
                for (String shown : step.headers()) {
                    assertTrue(
                            head.stream()
                                    .anyMatch(line ->
                                            line.toLowerCase(Locale.ROOT).equals(shown.toLowerCase(Locale.ROOT))),
                            "header '" + shown + "' for " + step.command() + ", got " + head);
                }
                String body = parts.length > 1 ? parts[1] : "";
                assertFalse(step.body().isEmpty(), step.command());
                assertEquals(JsonParser.parseString(step.body()), JsonParser.parseString(body), step.command());
            }
        }
    }

    private static String curl(String command) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("bash", "-c", command.replaceFirst("^curl ", "curl -sS "))
                .redirectErrorStream(true)
                .start();
        byte[] out = curl.getInputStream().readAllBytes();
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS), command);
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean curlFound() {
        try {
            return new ProcessBuilder("curl", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
