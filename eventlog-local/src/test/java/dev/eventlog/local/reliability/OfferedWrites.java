package dev.eventlog.local.reliability;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.lambda.EventLogHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Test harness: single-event POSTs of one day offered to a handler at a fixed rate, open loop: each request leaves
 * on schedule whether or not earlier ones were answered, as independent clients send them. Only when
 * {@code maxInFlight} requests are already waiting does the next one wait too, so that a machine too slow for the
 * rate gets a lower offered rate (reported) rather than an unbounded pile of threads and connections. A client that
 * gets a 503 sends the same body again up to {@code retries} times, as the API invites.
 */
final class OfferedWrites {

    /** How a run offers its load, and what its events hold. */
    record Plan(
            String day,
            int startHour,
            int perSecond,
            Duration duration,
            int maxInFlight,
            int retries,
            OfferedContent content) {

        Plan {
            if (perSecond > content.maxPerSecond()) {
                throw new IllegalArgumentException(content + " events at " + perSecond
                        + "/s would share an identity; at most " + content.maxPerSecond() + "/s");
            }
        }

        int total() {
            return (int) (perSecond * duration.toMillis() / 1000);
        }
    }

    /**
     * What one run offered and what came back. {@code sent} holds every offered event's {@code time#eventId} (the
     * id computed here by the documented rule), {@code acknowledged} the ones finally answered 201 or 200, as the
     * handler named them; {@code finalStatuses} each event's last answer, {@code answers503} every 503 on the way.
     */
    record Result(
            Plan plan,
            Map<Integer, Long> finalStatuses,
            long answers503,
            List<String> sent,
            List<String> acknowledged,
            double offerSeconds,
            double seconds,
            double p50Millis,
            double p99Millis) {

        long count(int status) {
            return finalStatuses.getOrDefault(status, 0L);
        }

        /** Events acknowledged per second, from the first request sent to the last answer. */
        double acceptedPerSecond() {
            return acknowledged.size() / seconds;
        }

        /** Requests per second actually offered, which a slow machine keeps below the plan's rate. */
        double offeredPerSecond() {
            return plan.total() / offerSeconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "offered %d %s at %.0f/s (plan %d/s), final answers %s, 503s on the way %d, acknowledged %d in %.1f s"
                            + " (%.0f/s), latency of a first attempt p50 %.1f ms p99 %.1f ms",
                    plan.total(),
                    plan.content(),
                    offeredPerSecond(),
                    plan.perSecond(),
                    finalStatuses,
                    answers503,
                    acknowledged.size(),
                    seconds,
                    acceptedPerSecond(),
                    p50Millis,
                    p99Millis);
        }
    }

    private static final long RETRY_PAUSE_MILLIS = 200;

    private OfferedWrites() {}

    /**
     * Offers the plan's events, then waits for every answer. Event {@code n} is given, as its time, the moment it is
     * due to be sent after {@code startHour}:00, and the plan's content (see {@link OfferedContent}).
     */
    static Result offer(EventLogHandler handler, Plan plan) throws InterruptedException {
        int total = plan.total();
        long interval = 1_000_000_000L / plan.perSecond();
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        List<String> sent = new ArrayList<>();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong answers503 = new AtomicLong();
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(plan.maxInFlight());
        ExecutorService clients = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "offered-write");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        long offered;
        AtomicLong lastAnswer = new AtomicLong(start);
        try {
            for (int i = 0; i < total; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                int n = i;
                String body = plan.content().body(plan, n);
                sent.add(plan.content().timeOf(plan, n) + "#" + plan.content().derivedId(n));
                clients.execute(() -> {
                    try {
                        int status = -1;
                        for (int attempt = 0; attempt <= plan.retries(); attempt++) {
                            long sentAt = System.nanoTime();
                            status = post(handler, body, acknowledged);
                            if (attempt == 0) {
                                latencies[n] = System.nanoTime() - sentAt;
                            }
                            if (status != 503) {
                                break;
                            }
                            answers503.incrementAndGet();
                            if (attempt < plan.retries()) {
                                Thread.sleep(RETRY_PAUSE_MILLIS);
                            }
                        }
                        lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                        statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.release();
                    }
                });
            }
            offered = System.nanoTime();
        } finally {
            clients.shutdown();
        }
        if (!clients.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests still unanswered two minutes after the last was sent");
        }
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((k, v) -> counted.put(k, v.get()));
        long[] answered = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        return new Result(
                plan,
                counted,
                answers503.get(),
                List.copyOf(sent),
                List.copyOf(acknowledged),
                Math.max(1e-9, (offered - start) / 1e9),
                (lastAnswer.get() - start) / 1e9,
                percentile(answered, 0.50),
                percentile(answered, 0.99));
    }

    /** One POST; an acknowledged event's {@code time#eventId} is added to {@code acknowledged}. */
    private static int post(EventLogHandler handler, String body, List<String> acknowledged) {
        try {
            APIGatewayV2HTTPResponse response =
                    handler.handleRequest(GatewayEvents.request("POST", "/events", body), null);
            int status = response.getStatusCode();
            if (status == 201 || status == 200) {
                JsonObject event = JsonParser.parseString(response.getBody()).getAsJsonObject();
                acknowledged.add(event.get("time").getAsString() + "#"
                        + event.get("eventId").getAsString());
            }
            return status;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * fraction) - 1));
        return sorted[index] / 1e6;
    }
}
