package dev.eventlog.local.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.dynamodb.DynaliteServer;
import dev.eventlog.dynamodb.DynamoDbEventLog;
import dev.eventlog.lambda.EventLogHandler;
import dev.eventlog.lambda.FunctionWiring;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Storage faults between the handler's DynamoDB client and the store: resets, delays past the attempt timeout,
 * throttling, server errors, and writes whose answer is lost. Many writers post single events and batches through
 * the handler and retry what failed with the same body, as a client should. Afterwards the store is read directly:
 * every acknowledged event is there as sent, nothing refused is there, and no retry was ever called a conflict.
 * {@code -Deventlog.faults.requests=N} runs more requests.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class StorageFaultsTest {

    private static final int REQUESTS = Integer.getInteger("eventlog.faults.requests", 480);
    private static final int WRITERS = 8;
    private static final double FAULT_RATE = 0.30;
    /** Past the production client's attempt timeout (1.3 s), so a held request is an attempt that timed out. */
    private static final Duration HELD_FOR = Duration.ofMillis(1_800);
    /**
     * How long a client waits for an answer before it gives up on the request and sends it again: shorter than the
     * production client's 3.5 s call timeout, so some attempts are abandoned while the store call goes on.
     */
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(2_000);

    private static final int CLIENT_ATTEMPTS = 12;
    private static final int OUTAGE_REQUESTS = 24;
    private static final String TABLE = "faults";

    /** What one logical request sent, and what finally became of it. */
    private record Sent(String body, List<EventRecord> events, boolean valid) {}

    private final Map<EventKey, EventRecord> acknowledged = new ConcurrentHashMap<>();
    private final Map<EventKey, EventRecord> sentValid = new ConcurrentHashMap<>();
    private final List<EventKey> refusedKeys = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicLong> tally = new ConcurrentHashMap<>();
    private final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void acknowledgedEventsSurviveStorageFaults_andRetriesAreNeverConflicts() throws Exception {
        long seed = Long.getLong("eventlog.faults.seed", System.nanoTime());
        // Printed first, so that a run that fails can be replayed with -Deventlog.faults.seed.
        System.out.printf("%n[storage faults] seed=%d (replay with -Deventlog.faults.seed=%d)%n", seed, seed);
        try (DynaliteServer dynalite = DynaliteServer.start();
                FaultProxy proxy = FaultProxy.start(dynalite.endpoint(), FaultPlan.none(), seed)) {
            DynamoDbEventLog.createTable(dynalite.client(), TABLE);
            EventLogHandler handler = productionHandler(proxy.endpoint());
            DynamoDbEventLog direct = DynamoDbEventLog.builder()
                    .client(dynalite.client())
                    .tableName(TABLE)
                    .build();
            ExecutorService calls = Executors.newCachedThreadPool(daemon("handler-call"));

            long started = System.nanoTime();
            proxy.plan(FaultPlan.evenly(FAULT_RATE, HELD_FOR));
            runWriters(handler, calls, seed);
            FaultCounts underFaults = proxy.counts().snapshot();

            // An outage: every store call fails, more often than the SDK retries, so each request must be a 503.
            proxy.plan(new FaultPlan(
                    Map.of(
                            FaultKind.CONNECTION_RESET,
                            0.34,
                            FaultKind.THROTTLING,
                            0.33,
                            FaultKind.INTERNAL_ERROR,
                            0.33),
                    Duration.ZERO));
            List<Sent> duringOutage = new ArrayList<>();
            for (int i = 0; i < OUTAGE_REQUESTS; i++) {
                Sent sent =
                        single(EventKey.parse("2024-08-01", String.format("12:00:%02d", i), "outage"), "outage-" + i);
                duringOutage.add(sent);
                sentValid.put(sent.events().get(0).key(), sent.events().get(0));
                APIGatewayV2HTTPResponse response =
                        handler.handleRequest(GatewayEvents.request("POST", "/events", sent.body()), null);
                assertEquals(503, response.getStatusCode(), "during an outage: " + response.getBody());
                assertNotNull(
                        ProblemResponses.header(response.getHeaders(), "Retry-After"), "a 503 says when to retry");
                count("outage 503 with Retry-After");
            }
            for (Sent sent : duringOutage) {
                // These faults all strike before the store: a 503 here must have written nothing.
                assertEquals(
                        Optional.empty(),
                        direct.find(sent.events().get(0).key()),
                        "a request refused during the outage wrote nothing");
            }
            // The outage ends: the same requests, retried, are stored.
            proxy.plan(FaultPlan.none());
            for (Sent sent : duringOutage) {
                APIGatewayV2HTTPResponse response =
                        handler.handleRequest(GatewayEvents.request("POST", "/events", sent.body()), null);
                // 201, or 200 when a write of the outage landed after all: both are correct answers to a retry, and
                // the store is read directly below for what was stored.
                assertTrue(
                        response.getStatusCode() == 201 || response.getStatusCode() == 200,
                        "after the outage: " + response.getBody());
                assertEquals(
                        JsonParser.parseString(sent.body()),
                        JsonParser.parseString(response.getBody()),
                        "the event as sent");
                acknowledged.put(sent.events().get(0).key(), sent.events().get(0));
                count("retried after outage, " + (response.getStatusCode() == 201 ? "created" : "existing"));
            }
            calls.shutdown();
            assertTrue(calls.awaitTermination(2, TimeUnit.MINUTES), "abandoned calls finish");
            double seconds = (System.nanoTime() - started) / 1e9;

            int verified = 0;
            List<String> lost = new ArrayList<>();
            for (EventRecord expected : acknowledged.values()) {
                Optional<EventRecord> stored = direct.find(expected.key());
                if (stored.isPresent() && stored.get().equals(expected)) {
                    verified++;
                } else {
                    lost.add(expected.key() + " expected " + expected + " found " + stored);
                }
            }
            List<String> refusedButStored = new ArrayList<>();
            for (EventKey key : refusedKeys) {
                direct.find(key).ifPresent(found -> refusedButStored.add(found.toString()));
            }
            List<String> foreign = new ArrayList<>();
            long storedTotal = 0;
            Optional<EventKey> after = Optional.empty();
            do {
                Page page =
                        direct.query(EventQuery.of(new QueryScope.AllEvents()).withLimit(1000), after);
                for (EventRecord stored : page.items()) {
                    storedTotal++;
                    EventRecord sent = sentValid.get(stored.key());
                    if (sent == null || !sent.equals(stored)) {
                        foreign.add(stored.toString());
                    }
                }
                after = page.resumeAfter();
            } while (after.isPresent());

            System.out.printf("%n[storage faults] seed=%d, %.1f s%n", seed, seconds);
            System.out.printf("[storage faults] proxy under faults: %s%n", underFaults);
            System.out.printf("[storage faults] proxy in total: %s%n", proxy.counts());
            System.out.printf("[storage faults] client outcomes: %s%n", new java.util.TreeMap<>(tally));
            System.out.printf(
                    "[storage faults] acknowledged=%d verified=%d lost=%d refused-but-stored=%d stored=%d foreign=%d%n",
                    acknowledged.size(), verified, lost.size(), refusedButStored.size(), storedTotal, foreign.size());

            assertEquals(List.of(), violations, "protocol violations");
            assertEquals(List.of(), lost, "acknowledged events lost or changed");
            assertEquals(List.of(), refusedButStored, "events of refused requests stored");
            assertEquals(List.of(), foreign, "stored events nobody sent like that");
            assertTrue(
                    underFaults.injected(FaultKind.WRITE_THEN_DROP_RESPONSE) > 0, "the dangerous fault was exercised");
            assertTrue(underFaults.injected(FaultKind.DELAY_PAST_TIMEOUT) > 0, "delays were exercised");
            assertTrue(
                    tally.getOrDefault("valid acknowledged", new AtomicLong()).get() > REQUESTS / 2,
                    "most requests were acknowledged");
        }
    }

    private void runWriters(EventLogHandler handler, ExecutorService calls, long seed) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS, daemon("writer"));
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                Random random = new Random(seed + writer);
                for (int n = writer; n < REQUESTS; n += WRITERS) {
                    send(handler, calls, plan(n, random));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        writers.shutdown();
    }

    /** Request n: mostly single events, some batches, and a few that must be refused. */
    private Sent plan(int n, Random random) {
        String day = String.format("2024-07-%02d", 1 + n % 28);
        int slot = n / 28;
        double kind = random.nextDouble();
        if (kind < 0.05) {
            // A batch with one invalid event: refused as a whole.
            List<EventRecord> events = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 3; i++) {
                EventRecord event = event(key(day, slot, i), "refused-" + n);
                events.add(event);
                body.append(json(event)).append(',');
            }
            body.append("{\"date\":\"")
                    .append(day)
                    .append("\",\"time\":\"25:00:00\",\"userId\":\"u\",\"eventType\":\"t\"}]");
            return new Sent(body.toString(), events, false);
        }
        if (kind < 0.35) {
            int size = 2 + random.nextInt(6);
            List<EventRecord> events = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < size; i++) {
                EventRecord event = event(key(day, slot, i), "batch-" + n);
                events.add(event);
                body.append(i == 0 ? "" : ",").append(json(event));
            }
            return new Sent(body.append(']').toString(), events, true);
        }
        return single(key(day, slot, 0), "single-" + n);
    }

    private Sent single(EventKey key, String user) {
        EventRecord event = event(key, user);
        return new Sent(json(event), List.of(event), true);
    }

    private static EventKey key(String day, int slot, int index) {
        int millis = slot * 10 + index;
        return EventKey.parse(
                day,
                String.format(
                        "%02d:%02d:%02d.%03d",
                        millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000),
                "fault");
    }

    private static EventRecord event(EventKey key, String user) {
        return new EventRecord(key, user, "fault-test", Map.of("key", key.toString(), "note", "héllo \u2603"));
    }

    private static String json(EventRecord event) {
        JsonObject json = new JsonObject();
        json.addProperty("date", event.key().dateText());
        json.addProperty("time", event.key().timeText());
        json.addProperty("eventId", event.eventId());
        json.addProperty("userId", event.userId());
        json.addProperty("eventType", event.eventType());
        JsonObject attributes = new JsonObject();
        event.attributes().forEach(attributes::addProperty);
        json.add("attributes", attributes);
        return json.toString();
    }

    /** Sends one logical request until it gets a final answer, retrying the same body after timeouts and 503s. */
    private void send(EventLogHandler handler, ExecutorService calls, Sent sent) throws InterruptedException {
        if (sent.valid()) {
            sent.events().forEach(e -> sentValid.put(e.key(), e));
        }
        boolean failedBefore = false;
        for (int attempt = 0; attempt < CLIENT_ATTEMPTS; attempt++) {
            Future<APIGatewayV2HTTPResponse> call = calls.submit(
                    () -> handler.handleRequest(GatewayEvents.request("POST", "/events", sent.body()), null));
            APIGatewayV2HTTPResponse response;
            try {
                response = call.get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Like a client behind a gateway timeout: give up on this attempt (it may still complete) and retry.
                count("client timeout, retried");
                failedBefore = true;
                continue;
            } catch (ExecutionException e) {
                violations.add("handler threw " + e.getCause());
                return;
            }
            int status = response.getStatusCode();
            if (status == 503) {
                if (ProblemResponses.header(response.getHeaders(), "Retry-After") == null) {
                    violations.add("503 without Retry-After");
                }
                count("503, retried");
                failedBefore = true;
                Thread.sleep(100);
                continue;
            }
            if (status >= 500) {
                violations.add(status + " " + response.getBody());
                return;
            }
            if (!sent.valid()) {
                if (status == 400) {
                    count("invalid refused 400");
                    sent.events().forEach(e -> refusedKeys.add(e.key()));
                } else {
                    violations.add("invalid request answered " + status + " " + response.getBody());
                }
                return;
            }
            if (status >= 400) {
                violations.add("valid request answered " + status + (failedBefore ? " after a retry: " : ": ")
                        + response.getBody());
                return;
            }
            count("valid acknowledged");
            record(sent, response, failedBefore);
            return;
        }
        count("gave up after " + CLIENT_ATTEMPTS + " attempts");
    }

    private void record(Sent sent, APIGatewayV2HTTPResponse response, boolean failedBefore) {
        JsonElement body = JsonParser.parseString(response.getBody());
        List<String> outcomes = new ArrayList<>();
        if (body.getAsJsonObject().has("results")) {
            JsonArray results = body.getAsJsonObject().getAsJsonArray("results");
            if (results.size() != sent.events().size()) {
                violations.add("batch answer has " + results.size() + " results for "
                        + sent.events().size() + " events");
            }
            results.forEach(r -> outcomes.add(r.getAsJsonObject().get("outcome").getAsString()));
        } else {
            outcomes.add(response.getStatusCode() == 201 ? "created" : "existing");
        }
        for (int i = 0; i < sent.events().size() && i < outcomes.size(); i++) {
            String outcome = outcomes.get(i);
            if (!outcome.equals("created") && !outcome.equals("existing")) {
                violations.add("acknowledged event answered " + outcome + ": "
                        + sent.events().get(i));
                continue;
            }
            acknowledged.put(sent.events().get(i).key(), sent.events().get(i));
            count("event " + outcome);
            if (failedBefore && outcome.equals("existing")) {
                count("event existing after a client retry");
            }
        }
    }

    private void count(String what) {
        tally.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * The handler the deployed function builds ({@link FunctionWiring}) from the environment Lambda gives it, with
     * only the endpoint changed to the proxy: same client, same timeouts, same retries.
     */
    private static EventLogHandler productionHandler(URI endpoint) {
        Map<String, String> environment = Map.of(
                "TABLE_NAME",
                TABLE,
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                "faults",
                "AWS_SECRET_ACCESS_KEY",
                "faults",
                "AWS_ENDPOINT_URL_DYNAMODB",
                endpoint.toString());
        return new EventLogHandler(FunctionWiring.fromEnvironment(environment).service());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
