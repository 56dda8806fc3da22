package dev.eventlog.local;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} for the runner (the gateway's, and the console's): a pool of worker threads so that requests run
 * concurrently (the server alone handles one at a time), and a stop that lets requests in flight finish.
 */
public final class LocalHttpApiServer implements AutoCloseable {

    private static final int WORKER_THREADS = 64;

    private final HttpServer server;
    private final ExecutorService workers;

    private LocalHttpApiServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) without answering yet, so that what depends on the port
     * actually bound (the default CORS origins) can be settled before the first request.
     */
    public static LocalHttpApiServer bind(String host, int port) throws IOException {
        return bind(host, port, WORKER_THREADS, "http-api");
    }

    /** Binds as {@link #bind(String, int)} does, with {@code workerThreads} workers named {@code threadName-N}. */
    public static LocalHttpApiServer bind(String host, int port, int workerThreads, String threadName)
            throws IOException {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, a keep-alive
        // client's delayed ACK then holds each response back by tens of milliseconds. The JDK reads this once, when
        // it creates its first server, so every server the runner binds sets it first.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService workers = Executors.newFixedThreadPool(workerThreads, threads);
        server.setExecutor(workers);
        return new LocalHttpApiServer(server, workers);
    }

    /** Starts answering every path with {@code gateway}; once only. */
    public void serve(HttpHandler gateway) {
        server.createContext("/", gateway);
        server.start();
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address actually bound, as a base URL. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        String host =
                address.getHostString().contains(":") ? "[" + address.getHostString() + "]" : address.getHostString();
        return "http://" + host + ":" + address.getPort();
    }

    /** Stops accepting, waits up to a second for requests in flight, then stops the workers. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
