package dev.eventlog.local;

import dev.eventlog.local.auth.SigV4Verifier;
import dev.eventlog.local.console.ConsoleConfig;
import dev.eventlog.local.console.ConsoleServer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code serve}: opens the store, builds the handler and starts the local HTTP API in front of it, and the browser
 * console on its own port.
 */
public final class ServeCommand {

    private ServeCommand() {}

    /**
     * Starts serving and prints the URL, the store and the auth mode to {@code console}; access-log lines go to
     * {@code accessLogOut} unless the options name a file.
     *
     * @throws RuntimeException when the store cannot be opened (table missing or with other keys, not creatable)
     * @throws IOException when the address cannot be bound or the access log cannot be opened
     */
    public static RunningApi start(
            ServeOptions options, HandlerFactory handlers, PrintStream accessLogOut, PrintStream console)
            throws IOException {
        return start(options, ServeOptions.USUAL_CONSOLE_PORT, handlers, accessLogOut, console);
    }

    /** As {@link #start(ServeOptions, HandlerFactory, PrintStream, PrintStream)}, with another usual console port. */
    static RunningApi start(
            ServeOptions options,
            int usualConsolePort,
            HandlerFactory handlers,
            PrintStream accessLogOut,
            PrintStream console)
            throws IOException {
        AccessLogWriter accessLog = options.accessLog().isPresent()
                ? new AccessLogWriter(
                        new PrintStream(
                                new FileOutputStream(options.accessLog().get().toFile(), true),
                                false,
                                StandardCharsets.UTF_8),
                        true)
                : new AccessLogWriter(accessLogOut, false);
        OpenedStore store;
        try {
            store = StoreFactory.open(options.store(), console::println);
        } catch (RuntimeException e) {
            accessLog.close();
            throw e;
        }
        HostCheck hosts = options.hostCheck();
        // The API first: its port is the one clients rely on, and the console's default gives way to it.
        LocalHttpApiServer server;
        try {
            server = LocalHttpApiServer.bind(options.host(), options.port());
        } catch (IOException e) {
            accessLog.close();
            store.close();
            throw new IOException(
                    "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage()
                            + (e instanceof BindException
                                    ? "; another serve may hold that port: choose another with --port (0 for any"
                                            + " free one)"
                                    : ""),
                    e);
        }
        Optional<ConsolePortBinding> consoleBinding;
        try {
            consoleBinding = ConsolePortBinding.bind(options, usualConsolePort, hosts);
        } catch (IOException e) {
            server.close();
            accessLog.close();
            store.close();
            throw e;
        }
        Optional<ConsoleServer> consoleServer = consoleBinding.map(ConsolePortBinding::server);
        List<Integer> localPorts = new ArrayList<>(List.of(server.port()));
        consoleServer.ifPresent(c -> localPorts.add(c.port()));
        CorsPolicy cors = options.corsFor(localPorts);
        Clock clock = Clock.systemUTC();
        HttpApiGateway gateway = new HttpApiGateway(
                handlers.create(store.port(), store.retention()),
                options.functionTimeout(),
                System.err,
                cors,
                hosts,
                options.iam().map(credentials -> new SigV4Verifier(credentials, clock)),
                accessLog,
                clock);
        server.serve(gateway);
        consoleServer.ifPresent(c -> c.start(ConsoleConfig.forApi(
                options.host(), server.url(), server.port(), options.iam().isPresent())));
        RunningApi api = new RunningApi(server, gateway, consoleServer, accessLog, store);
        console.println("EventLog API listening on " + api.url() + " (stage $default)");
        console.println("  store: " + options.store().describe());
        console.println("  auth:  "
                + options.iam()
                        .map(c -> "IAM (SigV4) required: access key " + c.accessKeyId() + ", region " + c.region()
                                + ", service execute-api")
                        .orElse("none"));
        if (options.iam().isEmpty()) {
            console.println("  WARNING: authentication is off; the deployed API requires IAM (SigV4). Use --iam to"
                    + " check signatures.");
        }
        console.println("  hosts: " + String.join(", ", hosts.names()) + " (more with --allowed-hosts)");
        console.println("  cors:  "
                + (cors.allowOrigins().isEmpty() ? "off" : "origins " + String.join(",", cors.allowOrigins())));
        consoleBinding.ifPresent(c -> printConsole(c, cors, options, console));
        console.println(
                "  access log: " + options.accessLog().map(Object::toString).orElse("stdout"));
        console.println("Press Ctrl-C to stop.");
        return api;
    }

    private static void printConsole(
            ConsolePortBinding binding, CorsPolicy cors, ServeOptions options, PrintStream console) {
        ConsoleServer server = binding.server();
        console.println("  console: " + server.url() + " (open it in a browser)");
        binding.takenUsualPort()
                .ifPresent(taken -> console.println("    Port " + taken + " was taken (by another serve?), so the"
                        + " console took a free one; --console-port chooses it."));
        if (options.iam().isPresent()) {
            console.println("    The console does not sign requests: with --iam it can only say so; browse"
                    + " with serve without --iam.");
        }
        List<String> origins = cors.allowOrigins();
        boolean allowed = origins.contains("*")
                || CorsPolicy.localOrigins(List.of(server.port())).stream().anyMatch(origins::contains);
        if (origins.isEmpty()) {
            console.println("    CORS is off (--no-cors), so the console's page cannot call the API.");
        } else if (!allowed) {
            console.println("    The console's origin is not among the CORS origins, so its page cannot call the"
                    + " API; add http://127.0.0.1:" + server.port() + " to --cors-allow-origins.");
        }
    }
}
