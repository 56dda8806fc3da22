package dev.eventlog.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Test harness: a dynalite process (a server speaking the DynamoDB protocol) on a free loopback port, in memory
 * or on disk under a directory, that can be stopped, killed and restarted on the same port and data.
 * Works from any module's tests: it finds the repository by walking up from {@code user.dir}.
 */
public final class DynaliteServer implements AutoCloseable {

    private static final Duration START_WITHIN = Duration.ofSeconds(30);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(10);
    private static final int START_TRIES = 3;

    private final Path cli;
    private final Path dataDir;
    private final Path log;
    private final Thread killOnExit;
    private int port;
    private Process process;
    private DynamoDbClient client;

    private DynaliteServer(Path cli, Path dataDir) throws IOException {
        this.cli = cli;
        this.dataDir = dataDir;
        this.log = Files.createTempFile("dynalite-", ".log");
        this.killOnExit = new Thread(this::destroyNow, "dynalite-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** A server that keeps its tables in memory. */
    public static DynaliteServer start() {
        return start(null);
    }

    /** A server that keeps its tables on disk in {@code dataDir} (LevelDB), so they survive a restart or a kill. */
    public static DynaliteServer start(Path dataDir) {
        Path cli = DynaliteInstall.ensureInstalled(moduleDir());
        DynaliteServer server;
        try {
            server = new DynaliteServer(cli, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the dynalite log file", e);
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < START_TRIES; attempt++) {
            // Another process may take the free port between our probe and dynalite's bind: then try another one.
            server.port = freePort();
            try {
                server.launch();
                return server;
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        server.close();
        throw last;
    }

    /** Where the server answers, for an SDK endpoint override. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** A client for this server (dummy credentials, region us-east-1); it keeps working across restarts. */
    public synchronized DynamoDbClient client() {
        if (client == null) {
            client = DynamoDbEventLog.leanClient(
                    Region.US_EAST_1,
                    endpoint(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("dynalite", "dynalite")));
        }
        return client;
    }

    /**
     * A new client for this server that passes every call through {@code interceptor}, to record or count what the
     * code under test sends; SDK defaults otherwise (no call timeouts), and the caller closes it.
     */
    public DynamoDbClient clientWith(ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("dynalite", "dynalite")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(interceptor))
                .build();
    }

    /**
     * Creates, and waits for, a table with this store's keys but without its {@code byUser} index: a table made
     * before the index existed, as by an earlier version's {@code --create-table}.
     */
    public void createTableWithoutUserIndex(String tableName) {
        DynamoDbClient client = client();
        client.createTable(r -> r.tableName(tableName)
                .keySchema(
                        k -> k.attributeName(EventItem.DATE).keyType(KeyType.HASH),
                        k -> k.attributeName(EventItem.TIME).keyType(KeyType.RANGE))
                .attributeDefinitions(
                        a -> a.attributeName(EventItem.DATE).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(EventItem.TIME).attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.waiter()
                .waitUntilTableExists(
                        r -> r.tableName(tableName),
                        w -> w.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(50))));
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server gracefully (SIGTERM), forcibly only if it does not exit in time. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the server again on the same port and data directory, stopping it first if it runs. */
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public synchronized void close() {
        stop();
        if (client != null) {
            client.close();
            client = null;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // The hook is running or about to; it finds nothing left to do.
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // A leftover log in the temp directory is harmless.
        }
    }

    private synchronized void launch() {
        List<String> command =
                new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port)));
        if (dataDir != null) {
            command.add("--path");
            command.add(dataDir.toAbsolutePath().toString());
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not start dynalite with Node.js: " + e.getMessage()
                            + ". Install Node.js 20 or newer and put 'node' on the PATH.",
                    e);
        }
        Instant deadline = Instant.now().plus(START_WITHIN);
        // The port must answer while our process lives: an answer after it died would come from whoever took the port.
        while (!(answers() && process.isAlive())) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String reason = process.isAlive()
                        ? "did not answer within " + START_WITHIN.toSeconds() + " s"
                        : "exited with " + process.exitValue();
                kill();
                throw new IllegalStateException("dynalite on port " + port + " " + reason + ": " + logText());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IllegalStateException("interrupted while starting dynalite", e);
            }
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void destroyNow() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** The eventlog-dynamodb module directory, found from the working directory of any module of the repository. */
    static Path moduleDir() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("eventlog-dynamodb/package.json"))) {
                return dir.resolve("eventlog-dynamodb");
            }
        }
        throw new IllegalStateException("no eventlog-dynamodb/package.json in " + start + " or any directory above it");
    }
}
