package dev.eventlog.local.reliability;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test harness: a loopback proxy in front of a DynamoDB-protocol server that forwards every request at once, so the
 * store applies it, but holds each answer for a set time before relaying it: a store that works but answers late.
 */
final class LateAnswerProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile Duration hold;
    private volatile boolean closed;

    private LateAnswerProxy(URI upstream, Duration hold) throws IOException {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        this.hold = hold;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "late-answer-proxy");
            thread.setDaemon(true);
            return thread;
        });
        connections.execute(this::acceptLoop);
    }

    /** Starts a proxy on a free loopback port that holds every answer of {@code upstream} for {@code hold}. */
    static LateAnswerProxy start(URI upstream, Duration hold) throws IOException {
        return new LateAnswerProxy(upstream, hold);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Changes how long answers to requests from now on are held; zero relays them at once. */
    void hold(Duration next) {
        this.hold = next;
    }

    /** Requests forwarded to the store so far. */
    int forwarded() {
        return forwarded.get();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(LateAnswerProxy::closeQuietly);
        connections.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                connections.execute(() -> relay(client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void relay(Socket client) {
        try (client;
                Socket store = new Socket()) {
            open.add(store);
            store.connect(upstream, 5_000);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = new BufferedOutputStream(client.getOutputStream());
            InputStream fromStore = new BufferedInputStream(store.getInputStream());
            OutputStream toStore = new BufferedOutputStream(store.getOutputStream());
            while (!closed) {
                HttpMessage request = HttpMessage.readRequest(fromClient);
                if (request == null) {
                    return;
                }
                Duration heldFor = hold;
                toStore.write(request.raw());
                toStore.flush();
                forwarded.incrementAndGet();
                HttpMessage response = HttpMessage.readResponse(fromStore, request.method());
                if (response == null) {
                    return;
                }
                Thread.sleep(heldFor.toMillis());
                toClient.write(response.raw());
                toClient.flush();
                if (!request.keepAlive() || !response.keepAlive()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // The client gave up on the late answer and closed its connection: end this relay only.
        } finally {
            open.remove(client);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort in a test harness.
        }
    }
}
