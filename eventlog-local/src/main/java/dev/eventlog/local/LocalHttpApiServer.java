package dev.eventlog.local;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} for the runner (the gateway's, and the console's): a pool of worker threads so that requests run
 * concurrently (the server alone handles one at a time), the time limits of {@link ServerLimits}, and a stop that
 * lets requests in flight finish.
 *
 * <p>The pool starts a new worker for each request in progress up to its size, and only then queues: the JDK server
 * reads a request's head and body on its worker, so a few dozen clients that stall mid-request hold a few dozen
 * workers, and the others find free ones beside them; {@link ServerLimits} closes the stalled connections.
 * Workers that have been idle for a while end.
 */
public final class LocalHttpApiServer implements AutoCloseable {

    /**
     * Requests in progress at once, per server. Beyond this many, requests wait for a worker, and the JDK counts
     * that wait in a request's time limit ({@link ServerLimits#REQUEST}).
     */
    private static final int WORKER_THREADS = 256;

    private static final long IDLE_WORKER_SECONDS = 30;

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
        return bind(host, port, "http-api");
    }

    /** Binds as {@link #bind(String, int)} does, with workers named {@code threadName-N}. */
    public static LocalHttpApiServer bind(String host, int port, String threadName) throws IOException {
        // The JDK reads its settings once, when it creates its first server, so every server the runner binds sets
        // them first.
        ServerLimits.apply();
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor workers = new ThreadPoolExecutor(
                WORKER_THREADS,
                WORKER_THREADS,
                IDLE_WORKER_SECONDS,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                threads);
        workers.allowCoreThreadTimeOut(true);
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
