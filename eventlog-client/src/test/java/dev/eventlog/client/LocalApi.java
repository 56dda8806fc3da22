package dev.eventlog.client;

import dev.eventlog.local.CorsPolicy;
import dev.eventlog.local.LocalRunner;
import dev.eventlog.local.RunningApi;
import dev.eventlog.local.ServeCommand;
import dev.eventlog.local.ServeOptions;
import dev.eventlog.local.StoreOptions;
import dev.eventlog.local.auth.IamCredentials;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Test harness: {@code serve} with the in-memory store, the real handler and gateway, started in this JVM on a free
 * loopback port; with IAM verification when given a key pair.
 */
final class LocalApi implements AutoCloseable {

    static final String ACCESS_KEY = "AKIDCLIENTTEST";
    static final String SECRET_KEY = "client-test-secret";
    static final String REGION = "eu-west-1";

    private final RunningApi api;
    private final ByteArrayOutputStream accessLog;

    private LocalApi(RunningApi api, ByteArrayOutputStream accessLog) {
        this.api = api;
        this.accessLog = accessLog;
    }

    static LocalApi start() throws Exception {
        return start(Optional.empty(), true);
    }

    /** {@code serve --iam} that accepts {@link #ACCESS_KEY} with {@link #SECRET_KEY}, scoped to {@link #REGION}. */
    static LocalApi withIam() throws Exception {
        return start(Optional.of(new IamCredentials(ACCESS_KEY, SECRET_KEY, REGION)), true);
    }

    /** {@code serve} that keeps no access log, for runs of thousands of requests. */
    static LocalApi quiet() throws Exception {
        return start(Optional.empty(), false);
    }

    private static LocalApi start(Optional<IamCredentials> iam, boolean keepLog) throws Exception {
        ServeOptions options = new ServeOptions(
                "127.0.0.1",
                0,
                Optional.empty(),
                CorsPolicy.disabled(),
                false,
                List.of(),
                iam,
                new StoreOptions(
                        StoreOptions.Kind.MEMORY, StoreOptions.DEFAULT_TABLE, Optional.empty(), REGION, false));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream accessLog =
                new PrintStream(keepLog ? log : OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        PrintStream console = new PrintStream(OutputStream.nullOutputStream());
        return new LocalApi(ServeCommand.start(options, LocalRunner::handler, accessLog, console), log);
    }

    URI endpoint() {
        return URI.create(api.url());
    }

    /** The access log's lines so far: one per request the gateway answered. */
    List<String> accessLogLines() {
        return accessLog.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public void close() {
        api.close();
    }
}
