package dev.eventlog.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.dynamodb.StoreCallTimeouts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Starts {@code serve} on a free loopback port with the given options and talks to it over real sockets. */
final class GatewayFixture implements AutoCloseable {

    final RunningApi api;
    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ByteArrayOutputStream accessLog = new ByteArrayOutputStream();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private GatewayFixture(HandlerFactory handlers, Map<String, String> env, String... options) throws Exception {
        this(handlers, env, StoreCallTimeouts.FUNCTION_TIMEOUT, options);
    }

    private GatewayFixture(
            HandlerFactory handlers, Map<String, String> env, Duration functionTimeout, String... options)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(Arrays.asList(options));
        // The API's tests need no console; one on the fixed default port would collide between test runs.
        if (!args.contains("--console-port")) {
            args.add("--no-console");
        }
        ServeOptions parsed = new CommandLineParser(env).parseServe(args).withFunctionTimeout(functionTimeout);
        api = ServeCommand.start(
                parsed,
                handlers,
                new PrintStream(accessLog, true, StandardCharsets.UTF_8),
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    static GatewayFixture echo(String... options) throws Exception {
        return new GatewayFixture(store -> new EchoHandler(), Map.of(), options);
    }

    static GatewayFixture with(HandlerFactory handlers, String... options) throws Exception {
        return new GatewayFixture(handlers, Map.of(), options);
    }

    /** {@code serve} whose function is stopped after {@code functionTimeout} instead of the deployed 20 s. */
    static GatewayFixture timingOutAfter(Duration functionTimeout, HandlerFactory handlers) throws Exception {
        return new GatewayFixture(handlers, Map.of(), functionTimeout);
    }

    /** The echo handler behind {@code serve} run with {@code env} as its environment ({@code HOME}, AWS_*...). */
    static GatewayFixture echoIn(Map<String, String> env, String... options) throws Exception {
        return new GatewayFixture(store -> new EchoHandler(), env, options);
    }

    URI uri(String pathAndQuery) {
        return URI.create(api.url() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The event the echo handler received, from its response. */
    static JsonObject echoedEvent(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    List<String> accessLogLines() {
        return accessLog.toString(StandardCharsets.UTF_8).lines().toList();
    }

    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        api.close();
    }
}
