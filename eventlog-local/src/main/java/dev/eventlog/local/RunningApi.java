package dev.eventlog.local;

import dev.eventlog.local.console.ConsoleServer;
import java.util.Optional;

/** A started {@code serve}: the server, its console, its access log and its store, stopped together. */
public final class RunningApi implements AutoCloseable {

    private final LocalHttpApiServer server;
    private final HttpApiGateway gateway;
    private final Optional<ConsoleServer> console;
    private final AccessLogWriter accessLog;
    private final OpenedStore store;
    private boolean closed;

    RunningApi(
            LocalHttpApiServer server,
            HttpApiGateway gateway,
            Optional<ConsoleServer> console,
            AccessLogWriter accessLog,
            OpenedStore store) {
        this.server = server;
        this.gateway = gateway;
        this.console = console;
        this.accessLog = accessLog;
        this.store = store;
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:3000}. */
    public String url() {
        return server.url();
    }

    /** The port actually bound. */
    public int port() {
        return server.port();
    }

    /** The browser console's address, e.g. {@code http://127.0.0.1:3001/}, unless it was turned off. */
    public Optional<String> consoleUrl() {
        return console.map(ConsoleServer::url);
    }

    /** The console's port actually bound, unless it was turned off. */
    public Optional<Integer> consolePort() {
        return console.map(ConsoleServer::port);
    }

    /** Stops serving, then flushes the access log and releases the store; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        console.ifPresent(ConsoleServer::close);
        server.close();
        gateway.close();
        accessLog.close();
        store.close();
    }
}
