package dev.eventlog.lambda;

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

/**
 * Test harness: the shaded jar run as Lambda runs it. The real runtime interface client, in its own JVM, loads
 * the handler string from a task root holding the jar (with its own class loading and event serialization) and
 * talks to the minimal Lambda Runtime API this harness serves on loopback. SnapStart is announced, so the
 * runtime client calls the checkpoint hooks, and the function's priming runs, before the first invocation.
 */
final class LambdaRuntimeProcess implements AutoCloseable {

    static final String HANDLER = "dev.eventlog.lambda.EventLogHandler::handleRequest";
    private static final String API = "/2018-06-01/runtime";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<String[]> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final AtomicBoolean restored = new AtomicBoolean();
    private final AtomicInteger ids = new AtomicInteger();
    private final Path output;
    private final Process runtime;

    private LambdaRuntimeProcess(Path taskRoot, Map<String, String> environment) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(API + "/", this::serveRuntimeApi);
        server.setExecutor(threads);
        server.start();

        Files.createDirectories(taskRoot.resolve("lib"));
        Files.copy(lambdaJar(), taskRoot.resolve("lib/eventlog-lambda.jar"));
        output = taskRoot.resolve("runtime-output.log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // As the managed runtime does, so org.crac calls reach the runtime client's checkpoint hooks.
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-cp",
                runtimeClientClasspath(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                HANDLER);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(
                        name -> name.startsWith("AWS_") || name.equals("TABLE_NAME") || name.equals("EVENTLOG_STORE"));
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "eventlog");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_REGION", "ap-northeast-1");
        env.putAll(environment);
        runtime = builder.start();
    }

    /** Starts the runtime client on the jar with these environment variables (besides those Lambda always sets). */
    static LambdaRuntimeProcess start(Path taskRoot, Map<String, String> environment) throws IOException {
        return new LambdaRuntimeProcess(taskRoot, environment);
    }

    /** Hands one event to the runtime's next poll and returns the function's answer (an API Gateway response). */
    JsonObject invoke(String event) throws Exception {
        String id = "it-" + ids.incrementAndGet();
        CompletableFuture<String> answer = new CompletableFuture<>();
        answers.put(id, answer);
        pending.put(new String[] {id, event});
        CompletableFuture.anyOf(answer, initError).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (initError.isDone()) {
            throw new AssertionError(
                    "the runtime could not initialise the function: " + initError.get() + "\n" + output());
        }
        String body = answer.get();
        if (body.startsWith("ERROR ")) {
            throw new AssertionError("the invocation failed: " + body + "\n" + output());
        }
        return JsonParser.parseString(body).getAsJsonObject();
    }

    /** True once the runtime client asked for its restore, which it does after the checkpoint hooks ran. */
    boolean restored() {
        return restored.get();
    }

    boolean initFailed() {
        return initError.isDone();
    }

    /** What the function wrote to standard output and error. */
    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        runtime.destroyForcibly();
        server.stop(0);
        threads.shutdownNow();
    }

    private void serveRuntimeApi(HttpExchange exchange) throws IOException {
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
                exchange.getResponseHeaders()
                        .add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
                exchange.getResponseHeaders()
                        .add(
                                "Lambda-Runtime-Invoked-Function-Arn",
                                "arn:aws:lambda:ap-northeast-1:123456789012:function:eventlog");
                exchange.getResponseHeaders()
                        .add("Lambda-Runtime-Trace-Id", "Root=1-6650a1b2-0123456789abcdef01234567;Sampled=0");
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
            } else if (method.equals("POST")
                    && (path.equals(API + "/init/error") || path.equals(API + "/restore/error"))) {
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

    private void complete(String path, String body) {
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

    /** The shaded jar; failsafe passes its path. */
    static Path lambdaJar() {
        Path jar = Path.of(System.getProperty("eventlog.lambdaJar", "target/eventlog-lambda.jar"));
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built before this test: " + jar);
        return jar;
    }

    /** The runtime client and the libraries it brings, as the managed runtime puts them on the system class path. */
    private static String runtimeClientClasspath() {
        List<String> prefixes = List.of(
                "aws-lambda-java-runtime-interface-client-",
                "aws-lambda-java-core-",
                "aws-lambda-java-serialization-",
                "utils-lite-");
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (prefixes.stream().anyMatch(name::startsWith)) {
                entries.add(entry);
            }
        }
        assertTrue(
                entries.stream().anyMatch(e -> e.contains("runtime-interface-client")),
                "runtime client on the test class path");
        return String.join(File.pathSeparator, entries);
    }

    /** A recorded event file from src/test/resources/events, as text. */
    static String eventFile(String name) throws IOException {
        try (InputStream in = LambdaRuntimeProcess.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
