package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.dynamodb.DynaliteServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Crashes under load: the shaded jar's {@code serve --store dynamodb} against dynalite keeping its data on disk,
 * with concurrent posters. First the server is killed with SIGKILL and started again; then dynalite itself is
 * killed and restarted while the server keeps running (and answers 503 meanwhile). Every event acknowledged at any
 * point must be readable afterwards, exactly as sent, through the server and in the table itself; and the table
 * must hold no item that no request sent like that.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KillNineIT {

    private static final int POSTERS = 8;
    private static final String TABLE = "crash";
    private static final Duration UNDER_LOAD = Duration.ofSeconds(Long.getLong("eventlog.kill.loadSeconds", 4));
    private static final Map<String, String> CREDENTIALS =
            Map.of("AWS_ACCESS_KEY_ID", "kill9", "AWS_SECRET_ACCESS_KEY", "kill9", "AWS_REGION", "us-east-1");

    @TempDir
    Path dataDir;

    /** The shaded jar serving on the given dynalite, its table created if missing. */
    private static ServerProcess serveOn(DynaliteServer dynalite) throws IOException {
        return ServerProcess.serve(
                CREDENTIALS,
                "--store",
                "dynamodb",
                "--table",
                TABLE,
                "--endpoint-url",
                dynalite.endpoint().toString(),
                "--region",
                "us-east-1",
                "--create-table");
    }

    @Test
    void killedServer_losesNoAcknowledgedEvent() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start(Files.createDirectories(dataDir.resolve("dynalite")));
                ServerProcess server = serveOn(dynalite)) {
            Posters posters = new Posters(server.port(), POSTERS, "2024-10-01");
            posters.start();
            waitForAcknowledged(posters, 50);
            Thread.sleep(UNDER_LOAD.toMillis());
            int beforeKill = posters.acknowledged().size();
            server.kill();
            if (!dynalite.isRunning()) {
                // Not what this test is about, but seen once on a loaded machine: say so, and carry on with the store
                // up.
                System.out.println("[kill -9 server] note: dynalite exited when the server was killed; restarting it");
                dynalite.restart();
            }
            server.start();
            waitForAcknowledged(posters, beforeKill + 50);
            posters.stop();

            int verified = verify(server.port(), posters);
            verifyTable(dynalite, posters);
            System.out.printf(
                    "%n[kill -9 server] acknowledged before the kill=%d, in total=%d, verified=%d, lost=0; answers %s%n",
                    beforeKill, posters.acknowledged().size(), verified, posters.answers());
            assertEquals(List.of(), posters.violations());
            assertTrue(posters.count("connection failed") > 0, "the kill struck requests in flight");
        }
    }

    @Test
    void killedStore_gets503sMeanwhile_andTheServerRecoversWithoutRestart() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start(Files.createDirectories(dataDir.resolve("dynalite")));
                ServerProcess server = serveOn(dynalite)) {
            Posters posters = new Posters(server.port(), POSTERS, "2024-10-02");
            posters.start();
            waitForAcknowledged(posters, 50);
            Thread.sleep(UNDER_LOAD.toMillis());
            int beforeKill = posters.acknowledged().size();
            dynalite.kill();
            Instant killedAt = Instant.now();
            while (posters.count("503") < POSTERS
                    && Duration.between(killedAt, Instant.now()).toSeconds() < 60) {
                Thread.sleep(100);
            }
            long unavailable = posters.count("503");
            dynalite.restart();
            Instant restartedAt = Instant.now();
            waitForAcknowledged(posters, beforeKill + 50);
            double recoverySeconds =
                    Duration.between(restartedAt, Instant.now()).toMillis() / 1000.0;
            posters.stop();

            assertTrue(server.isAlive(), "the server was never restarted");
            int verified = verify(server.port(), posters);
            verifyTable(dynalite, posters);
            System.out.printf(
                    "%n[kill -9 dynalite] acknowledged before the kill=%d, in total=%d, verified=%d, lost=0; "
                            + "503 answers while it was down=%d; recovered %.1f s after dynalite restarted; answers %s%n",
                    beforeKill,
                    posters.acknowledged().size(),
                    verified,
                    unavailable,
                    recoverySeconds,
                    posters.answers());
            assertEquals(List.of(), posters.violations());
            assertTrue(unavailable >= POSTERS, "the server answered 503 while the store was down");
            assertEquals(0, posters.count("500"), "never a 500");
        }
    }

    private static void waitForAcknowledged(Posters posters, int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (posters.acknowledged().size() < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + posters.acknowledged().size() + " events acknowledged; answers "
                        + posters.answers() + "; violations " + posters.violations());
            }
            Thread.sleep(50);
        }
    }

    /**
     * Scans the table itself, not through the server or the store adapter (which would skip an item it cannot
     * read): every item must be an event some request sent, exactly as sent, and every acknowledged event is there.
     */
    private static void verifyTable(DynaliteServer dynalite, Posters posters) {
        Map<String, String> sent = posters.sent();
        Map<String, JsonObject> stored = new java.util.HashMap<>();
        List<String> foreign = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynalite.client()
                .scanPaginator(b -> b.tableName(TABLE).consistentRead(true))
                .items()) {
            if (item.get("date").s().startsWith("#")) {
                continue; // the store's own record of the table's layout, not an event
            }
            // The range key is HH:mm:ss.SSS#<eventId>; the id is derived from the content, so it is checked too.
            String[] rangeKey = item.get("time").s().split("#", 2);
            JsonObject event = json(item);
            // The store's own bookkeeping beside the event: its place in the per-user index and its expiry.
            event.remove("at");
            event.remove("expiresAt");
            event.addProperty("time", rangeKey[0]);
            JsonElement id = event.remove("eventId");
            if (id == null
                    || !id.getAsString().equals(rangeKey[1])
                    || !id.getAsString().equals(derivedId(event))) {
                foreign.add(item.get("date").s() + "/" + item.get("time").s() + " has an id that is not its content's");
            }
            String path = "/events/" + item.get("date").s() + "/" + rangeKey[0];
            stored.put(path, event);
            String body = sent.get(path);
            if (body == null || !JsonParser.parseString(body).equals(event)) {
                foreign.add(path + " -> " + event);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String path : posters.acknowledged().keySet()) {
            if (!stored.containsKey(path)) {
                missing.add(path);
            }
        }
        System.out.printf(
                "[kill -9] table scanned directly: %d items, %d events sent, %d acknowledged%n",
                stored.size(), sent.size(), posters.acknowledged().size());
        assertEquals(List.of(), foreign, "items in the table that no request sent like that");
        assertEquals(List.of(), missing, "acknowledged events missing from the table");
    }

    /** An item as the event JSON a poster sends: string attributes, and a map of strings for {@code attributes}. */
    /** The id the documented rule derives from an event's user, type and attributes. */
    private static String derivedId(JsonObject event) {
        Map<String, String> attributes = new java.util.TreeMap<>();
        if (event.has("attributes")) {
            event.getAsJsonObject("attributes")
                    .entrySet()
                    .forEach(e -> attributes.put(e.getKey(), e.getValue().getAsString()));
        }
        return dev.eventlog.core.domain.EventIds.derive(
                event.get("userId").getAsString(), event.get("eventType").getAsString(), attributes);
    }

    private static JsonObject json(Map<String, AttributeValue> item) {
        JsonObject event = new JsonObject();
        for (Map.Entry<String, AttributeValue> attribute : new java.util.TreeMap<>(item).entrySet()) {
            AttributeValue value = attribute.getValue();
            if (value.hasM()) {
                JsonObject map = new JsonObject();
                value.m().forEach((name, inner) -> map.addProperty(name, inner.s()));
                event.add(attribute.getKey(), map);
            } else {
                event.addProperty(attribute.getKey(), value.s());
            }
        }
        return event;
    }

    /** Reads every acknowledged event back through the server; returns how many matched what was sent. */
    private static int verify(int port, Posters posters) throws IOException {
        List<String> lost = new ArrayList<>();
        int verified = 0;
        try (KeepAliveConnection connection = new KeepAliveConnection(port, 30_000)) {
            for (Map.Entry<String, String> entry : posters.acknowledged().entrySet()) {
                HttpMessage response = connection.send("GET", entry.getKey(), null);
                JsonObject sent = JsonParser.parseString(entry.getValue()).getAsJsonObject();
                sent.addProperty("time", entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1));
                // The path lists the events of that millisecond; each poster's event has a millisecond of its own.
                JsonObject page = response.status() == 200
                        ? JsonParser.parseString(response.bodyText()).getAsJsonObject()
                        : null;
                JsonObject stored = page != null && page.get("Count").getAsInt() == 1
                        ? page.getAsJsonArray("Items").get(0).getAsJsonObject()
                        : null;
                if (stored != null && stored.remove("eventId") != null && stored.equals(sent)) {
                    verified++;
                } else {
                    lost.add(entry.getKey() + " -> " + response.status() + " " + response.bodyText());
                }
            }
        }
        assertEquals(List.of(), lost, "acknowledged events lost or changed");
        return verified;
    }
}
