package dev.eventlog.local.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test harness: the shaded jar's {@code serve} as a separate operating-system process, so that it can be killed
 * with SIGKILL ({@link Process#destroyForcibly()} on Linux) and started again on the same port.
 */
final class ServerProcess implements AutoCloseable {

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final int consolePort;
    private Process process;

    private ServerProcess(List<String> command, Map<String, String> environment, Path log, int port, int consolePort) {
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.port = port;
        this.consolePort = consolePort;
    }

    /** The jar {@code mvn package} built; failsafe runs in the module directory. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("eventlog.localJar", "target/eventlog-local.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run 'mvn package' (or verify) first");
        }
        return jar;
    }

    /** {@code java -jar eventlog-local.jar serve --port P} plus the given options, on a free loopback port. */
    static ServerProcess serve(Map<String, String> environment, String... options) throws IOException {
        return serve(environment, 0, options);
    }

    /** {@link #serve}, with the browser console on another free loopback port. */
    static ServerProcess serveWithConsole(Map<String, String> environment, String... options) throws IOException {
        return serve(environment, freePort(), options);
    }

    private static ServerProcess serve(Map<String, String> environment, int consolePort, String... options)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar().toString(),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port)));
        command.addAll(
                consolePort == 0 ? List.of("--no-console") : List.of("--console-port", String.valueOf(consolePort)));
        command.addAll(List.of(options));
        ServerProcess server = new ServerProcess(
                command, environment, Files.createTempFile("eventlog-serve-", ".log"), port, consolePort);
        server.start();
        return server;
    }

    int port() {
        return port;
    }

    /** The console's port, or 0 when it runs without one. */
    int consolePort() {
        return consolePort;
    }

    /** Starts the process and waits until it answers a request. */
    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (KeepAliveConnection probe = new KeepAliveConnection(port, 5_000)) {
                if (probe.send("GET", "/events?limit=1", null).status() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String why = process.isAlive() ? "did not answer within 60 s" : "exited with " + process.exitValue();
                process.destroyForcibly();
                throw new IllegalStateException("serve " + why + ": " + logTail());
            }
            sleep(100);
        }
    }

    /** SIGKILL: the process gets no chance to flush, close or finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not die");
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String logTail() {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // A leftover log in the temp directory is harmless.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
