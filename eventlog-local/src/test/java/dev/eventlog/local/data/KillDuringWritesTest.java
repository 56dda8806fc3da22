package dev.eventlog.local.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.retention.RetentionPolicy;
import dev.eventlog.local.LocalRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --data} killed with SIGKILL in the middle of writes from several clients: every event whose POST was
 * answered 201 before the kill is in the file when it is opened again.
 */
class KillDuringWritesTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEvent_survivesAKillMinusNine() throws Exception {
        Path data = dir.resolve("log.ndjson");
        Process serve = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalRunner.class.getName(),
                        "serve",
                        "--port",
                        "0",
                        "--no-console",
                        "--data",
                        data.toString())
                .redirectErrorStream(true)
                .start();
        ConcurrentLinkedQueue<EventKey> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            URI api = URI.create(awaitUrl(serve) + "/events");
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            AtomicBoolean go = new AtomicBoolean(true);
            for (int client = 0; client < 4; client++) {
                int c = client;
                clients.submit(() -> {
                    for (int i = 0; go.get() && i < 5_000; i++) {
                        String id = "c" + c + "-" + i;
                        String body = "[{\"date\":\"2024-07-01\",\"time\":\"08:00:00\",\"eventId\":\"" + id
                                + "\",\"userId\":\"u" + c + "\",\"eventType\":\"t\"},{\"date\":\"2024-07-01\","
                                + "\"time\":\"08:00:01\",\"eventId\":\"" + id + "\",\"userId\":\"u" + c
                                + "\",\"eventType\":\"t\"}]";
                        try {
                            HttpResponse<String> answer = http.send(
                                    HttpRequest.newBuilder(api)
                                            .timeout(Duration.ofSeconds(10))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 201) {
                                acknowledged.add(EventKey.parse("2024-07-01", "08:00:00", id));
                                acknowledged.add(EventKey.parse("2024-07-01", "08:00:01", id));
                            }
                        } catch (IOException e) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < 400 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            serve.destroyForcibly();
            serve.waitFor(10, TimeUnit.SECONDS);
            go.set(false);
        } finally {
            serve.destroyForcibly();
            clients.shutdownNow();
            clients.awaitTermination(20, TimeUnit.SECONDS);
        }

        assertTrue(acknowledged.size() >= 400, "the writers made too little progress: " + acknowledged.size());
        List<String> warnings = new ArrayList<>();
        try (FileEventLog reopened =
                FileEventLog.open(data, ApiEventLines.LINES, RetentionPolicy.keepForever(), warnings::add)) {
            List<EventKey> lost = acknowledged.stream()
                    .filter(key -> reopened.find(key).isEmpty())
                    .toList();
            assertEquals(List.of(), lost);
            assertTrue(reopened.size() >= acknowledged.size());
        }
    }

    private static String awaitUrl(Process serve) throws IOException {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            seen.append(line).append('\n');
            Matcher url = LISTENING.matcher(line);
            if (url.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> {}), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return url.group(1);
            }
        }
        throw new IllegalStateException("serve did not start:\n" + seen);
    }
}
