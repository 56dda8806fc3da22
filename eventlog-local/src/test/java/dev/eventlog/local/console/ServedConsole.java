package dev.eventlog.local.console;

import dev.eventlog.local.CommandLineParser;
import dev.eventlog.local.LocalRunner;
import dev.eventlog.local.RunningApi;
import dev.eventlog.local.ServeCommand;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Test harness: {@code serve} with the real handler on the in-memory store, API and console on free ports. */
final class ServedConsole implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final RunningApi api;
    private final ByteArrayOutputStream banner = new ByteArrayOutputStream();

    private ServedConsole(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--console-port", "0"));
        args.addAll(Arrays.asList(options));
        api = ServeCommand.start(
                new CommandLineParser(Map.of()).parseServe(args),
                LocalRunner::handler,
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(banner, true, StandardCharsets.UTF_8));
    }

    /** {@code serve} with the given options added to the free ports. */
    static ServedConsole start(String... options) throws Exception {
        return new ServedConsole(options);
    }

    /** The console page's address. */
    String consoleUrl() {
        return api.consoleUrl().orElseThrow();
    }

    /** The console's origin as a browser on this machine sends it. */
    String consoleOrigin() {
        return "http://127.0.0.1:" + api.consolePort().orElseThrow();
    }

    /** Records one event through the API, as any client would; fails unless it was created. */
    void post(String json) throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(api.url() + "/events"))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new AssertionError("POST " + json + " answered " + response.statusCode() + " " + response.body());
        }
    }

    /** What {@code serve} printed at start-up. */
    String banner() {
        return banner.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        api.close();
    }
}
