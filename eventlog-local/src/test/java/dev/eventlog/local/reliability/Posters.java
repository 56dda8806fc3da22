package dev.eventlog.local.reliability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test harness: concurrent clients that post unique events to a local server and retry each one, with the same
 * body, until it is acknowledged (a 503 or a broken connection means "try again"). It keeps what was acknowledged,
 * and counts every answer by status.
 */
final class Posters {

    private final int port;
    private final int clients;
    private final String day;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, String> sent = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());

    Posters(int port, int clients, String day) {
        this.port = port;
        this.clients = clients;
        this.day = day;
    }

    void start() {
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> post(client), "poster-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops after each client's event in flight is acknowledged or given up. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(120_000);
        }
    }

    /** Acknowledged events: key path ({@code /events/{date}/{time}}) to the JSON body sent. */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** Every event posted at least once, acknowledged or not: key path to the JSON body sent. */
    Map<String, String> sent() {
        return Map.copyOf(sent);
    }

    long count(String answer) {
        AtomicLong n = answers.get(answer);
        return n == null ? 0 : n.get();
    }

    Map<String, Long> answers() {
        Map<String, Long> out = new java.util.TreeMap<>();
        answers.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    private void post(int client) {
        try (KeepAliveConnection connection = new KeepAliveConnection(port, 30_000)) {
            for (int n = 0; running.get(); n++) {
                int millis = client * 3_600_000 + n;
                String time = String.format(
                        "%02d:%02d:%02d.%03d",
                        millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
                String body = "{\"date\":\"" + day + "\",\"time\":\"" + time + "\",\"userId\":\"poster-" + client
                        + "\",\"eventType\":\"crash-test\",\"attributes\":{\"n\":\"" + n + "\"}}";
                sent.put("/events/" + day + "/" + time, body);
                // Retried until acknowledged, even after the stop signal: a client does not drop what it owes.
                for (int attempt = 0; attempt < 600; attempt++) {
                    String answer;
                    try {
                        HttpMessage response = connection.send("POST", "/events", body);
                        answer = String.valueOf(response.status());
                        if (response.status() == 503 && response.header("retry-after") == null) {
                            violations.add("503 without Retry-After");
                        }
                    } catch (IOException e) {
                        connection.close();
                        answer = "connection failed";
                    }
                    tally(answer);
                    if (answer.equals("201") || answer.equals("200")) {
                        acknowledged.put("/events/" + day + "/" + time, body);
                        break;
                    }
                    if (!answer.equals("503") && !answer.equals("connection failed")) {
                        violations.add("POST " + body + " answered " + answer);
                        break;
                    }
                    sleep(100);
                }
            }
        }
    }

    private void tally(String answer) {
        answers.computeIfAbsent(answer, k -> new AtomicLong()).incrementAndGet();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
