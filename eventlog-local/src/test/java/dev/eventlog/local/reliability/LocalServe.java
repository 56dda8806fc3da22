package dev.eventlog.local.reliability;

import dev.eventlog.local.CorsPolicy;
import dev.eventlog.local.LocalRunner;
import dev.eventlog.local.RunningApi;
import dev.eventlog.local.ServeCommand;
import dev.eventlog.local.ServeOptions;
import dev.eventlog.local.StoreOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Test harness: {@code serve} with the in-memory store or a DynamoDB endpoint, started in this JVM on a free loopback port. */
final class LocalServe implements AutoCloseable {

    private final RunningApi api;

    private LocalServe(RunningApi api) {
        this.api = api;
    }

    /** Starts the local HTTP API; its access log and banner go to {@code log}. */
    static LocalServe inMemory(PrintStream log) throws Exception {
        ServeOptions options = new ServeOptions(
                "127.0.0.1",
                0,
                Optional.empty(),
                CorsPolicy.disabled(),
                false,
                List.of(),
                Optional.empty(),
                new StoreOptions(
                        StoreOptions.Kind.MEMORY, StoreOptions.DEFAULT_TABLE, Optional.empty(), "us-east-1", false));
        return new LocalServe(ServeCommand.start(options, LocalRunner::handler, log, log));
    }

    /** Starts the local HTTP API on an existing table at a DynamoDB endpoint, with the client {@code serve} builds. */
    static LocalServe onDynamoDb(PrintStream log, URI endpoint, String table) throws Exception {
        ServeOptions options = new ServeOptions(
                "127.0.0.1",
                0,
                Optional.empty(),
                CorsPolicy.disabled(),
                false,
                List.of(),
                Optional.empty(),
                new StoreOptions(StoreOptions.Kind.DYNAMODB, table, Optional.of(endpoint), "us-east-1", false));
        return new LocalServe(ServeCommand.start(options, LocalRunner::handler, log, log));
    }

    /** A stream that drops everything, for runs whose access log would only fill memory. */
    static PrintStream discard() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.close();
    }
}
