package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as Lambda does: the real runtime interface client, in its own JVM, loads the handler string
 * the CDK deploys from a task root holding the jar, with its own class loading and event serialization, and talks
 * to a minimal Lambda Runtime API served here on loopback. SnapStart is announced, so priming runs too.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LambdaRuntimeIT {

    static final String HANDLER = "dev.eventlog.lambda.EventLogHandler::handleRequest";
    private static final String API = "/2018-06-01/runtime";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path taskRoot;

    private static HttpServer server;
    private static ExecutorService threads;
    private static Process runtime;
    private static Path runtimeOutput;
    private static final BlockingQueue<String[]> pending = new LinkedBlockingQueue<>();
    private static final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
    private static final CompletableFuture<String> initError = new CompletableFuture<>();
    private static final AtomicBoolean restored = new AtomicBoolean();
    private static final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    static void startRuntime() throws IOException {
        threads = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(API + "/", LambdaRuntimeIT::serveRuntimeApi);
        server.setExecutor(threads);
        server.start();

        Files.createDirectories(taskRoot.resolve("lib"));
        Files.copy(lambdaJar(), taskRoot.resolve("lib/eventlog-lambda.jar"));
        runtimeOutput = taskRoot.resolve("runtime-output.log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // As the managed runtime does, so org.crac calls reach the runtime client's checkpoint hooks.
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-cp", runtimeClientClasspath(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                HANDLER);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(runtimeOutput.toFile());
        Map<String, String> env = builder.environment();
        env.remove("TABLE_NAME");
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
        env.put("EVENTLOG_STORE", "memory");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "eventlog");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_REGION", "ap-northeast-1");
        runtime = builder.start();
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.destroyForcibly();
        }
        if (server != null) {
            server.stop(0);
        }
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    @Test
    void postThenGet_roundTripsThroughTheRuntime() throws Exception {
        JsonObject created = invoke(read("post-event-iam.json"));
        assertEquals(201, created.get("statusCode").getAsInt(), created::toString);
        JsonObject headers = created.getAsJsonObject("headers");
        assertEquals("/events/2024-05-01/14:19:00.000", headers.get("Location").getAsString());
        assertEquals("application/json", headers.get("Content-Type").getAsString());

        JsonObject found = invoke(read("get-event.json"));
        assertEquals(200, found.get("statusCode").getAsInt(), found::toString);
        JsonObject event = JsonParser.parseString(found.get("body").getAsString()).getAsJsonObject();
        assertEquals("user-1", event.get("userId").getAsString());
        assertEquals("14:19:00.000", event.get("time").getAsString());
    }

    @Test
    void base64BatchAndDefaultRoute_workThroughTheRuntime() throws Exception {
        assertEquals(201, invoke(read("post-event-base64.json")).get("statusCode").getAsInt());
        assertEquals(201, invoke(read("post-batch.json")).get("statusCode").getAsInt());
        JsonObject day = invoke(read("get-events-of-day.json"));
        JsonObject page = JsonParser.parseString(day.get("body").getAsString()).getAsJsonObject();
        assertTrue(page.get("Count").getAsInt() >= 1, page::toString);
    }

    @Test
    void badRequest_isAProblemNotAnInvocationError() throws Exception {
        String event = read("post-event-iam.json").replace("\"body\": \"{", "\"body\": \"{{");

        JsonObject reply = invoke(event);

        assertEquals(400, reply.get("statusCode").getAsInt(), reply::toString);
        assertEquals("application/problem+json", reply.getAsJsonObject("headers").get("Content-Type").getAsString());
    }

    @Test
    void snapStartPriming_ranBeforeTheCheckpoint() throws Exception {
        JsonObject primed = invoke(read("default-route-get-event.json")
                .replace("/events/2024-05-01/14:19:00.000", "/events/1970-01-01/00:00:00.000"));

        assertTrue(restored.get(), "the runtime asked for its restore after the checkpoint hooks ran");
        assertEquals(200, primed.get("statusCode").getAsInt(), primed::toString);
        assertTrue(primed.get("body").getAsString().contains("snapstart-priming"));
    }

    @Test
    void accessLog_reachesTheFunctionOutput() throws Exception {
        invoke(read("get-events.json"));

        String output = Files.readString(runtimeOutput, StandardCharsets.UTF_8);
        assertTrue(output.contains("\"routeKey\":\"GET /events\""), output);
        assertFalse(initError.isDone(), () -> "init error: " + initError.getNow(""));
    }

    @Test
    void shadedJar_holdsNoNettyNoApacheClientAndNoLoggingFramework() throws IOException {
        List<String> forbidden = List.of("io/netty/", "org/apache/http/", "software/amazon/awssdk/http/apache/",
                "software/amazon/awssdk/http/nio/", "org/slf4j/impl/", "ch/qos/logback/", "org/apache/logging/log4j/core/");
        List<String> found = new ArrayList<>();
        try (ZipFile jar = new ZipFile(lambdaJar().toFile())) {
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                forbidden.stream().filter(name::startsWith).findFirst().ifPresent(found::add);
            }
            assertTrue(jar.getEntry("dev/eventlog/lambda/EventLogHandler.class") != null);
        }
        assertEquals(List.of(), found.stream().distinct().toList());
        System.out.printf("eventlog-lambda.jar: %d bytes%n", Files.size(lambdaJar()));
    }

    /** Queues one event for the runtime's next poll and waits for its answer. */
    private static JsonObject invoke(String event) throws Exception {
        String id = "it-" + ids.incrementAndGet();
        CompletableFuture<String> answer = new CompletableFuture<>();
        answers.put(id, answer);
        pending.put(new String[] {id, event});
        CompletableFuture.anyOf(answer, initError).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (initError.isDone()) {
            throw new AssertionError("the runtime could not initialise the handler: " + initError.get()
                    + "\n" + Files.readString(runtimeOutput));
        }
        String body = answer.get();
        if (body.startsWith("ERROR ")) {
            throw new AssertionError("the invocation failed: " + body);
        }
        return JsonParser.parseString(body).getAsJsonObject();
    }

    private static void serveRuntimeApi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (method.equals("GET") && path.equals(API + "/invocation/next")) {
                String[] next = pending.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                if (next == null) {
                    reply(exchange, 500, "{\"errorMessage\":\"no invocation\"}");
                    return;
                }
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next[0]);
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:ap-northeast-1:123456789012:function:eventlog");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-6650a1b2-0123456789abcdef01234567;Sampled=0");
                reply(exchange, 200, next[1]);
            } else if (method.equals("GET") && path.equals(API + "/restore/next")) {
                restored.set(true);
                reply(exchange, 200, "");
            } else if (method.equals("POST") && path.startsWith(API + "/invocation/") && path.endsWith("/response")) {
                complete(path, body);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith(API + "/invocation/") && path.endsWith("/error")) {
                complete(path, "ERROR " + body);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && (path.equals(API + "/init/error") || path.equals(API + "/restore/error"))) {
                initError.complete(body);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"unknown runtime API path\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 500, "");
        }
    }

    private static void complete(String path, String body) {
        String id = path.substring((API + "/invocation/").length(), path.lastIndexOf('/'));
        CompletableFuture<String> answer = answers.get(id);
        if (answer != null) {
            answer.complete(body);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Path lambdaJar() {
        Path jar = Path.of(System.getProperty("eventlog.lambdaJar", "target/eventlog-lambda.jar"));
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built before this test: " + jar);
        return jar;
    }

    /** The runtime client and the libraries it brings, as the managed runtime puts them on the system class path. */
    private static String runtimeClientClasspath() {
        List<String> prefixes = List.of("aws-lambda-java-runtime-interface-client-", "aws-lambda-java-core-",
                "aws-lambda-java-serialization-", "utils-lite-");
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (prefixes.stream().anyMatch(name::startsWith)) {
                entries.add(entry);
            }
        }
        assertTrue(entries.stream().anyMatch(e -> e.contains("runtime-interface-client")), "runtime client on the test class path");
        return String.join(File.pathSeparator, entries);
    }

    private static String read(String name) throws IOException {
        try (InputStream in = LambdaRuntimeIT.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
