package dev.eventlog.local;

/** A started {@code serve}: the server, its access log and its store, stopped together. */
public final class RunningApi implements AutoCloseable {

    private final LocalHttpApiServer server;
    private final AccessLogWriter accessLog;
    private final OpenedStore store;
    private boolean closed;

    RunningApi(LocalHttpApiServer server, AccessLogWriter accessLog, OpenedStore store) {
        this.server = server;
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

    /** Stops serving, then flushes the access log and releases the store; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        accessLog.close();
        store.close();
    }
}
