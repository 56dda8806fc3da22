package dev.eventlog.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test harness: an HTTP/1.1 proxy on loopback between a client and {@code serve} that, per request and at the given
 * rates, answers 503 itself, forwards the request and then drops the connection instead of relaying the answer (the
 * write lands, its answer is lost), or holds the request before forwarding it. Each request goes to {@code serve}
 * on a connection of its own, which {@code serve} closes after answering.
 */
final class FaultyLink implements AutoCloseable {

    private static final byte[] UNAVAILABLE_BODY =
            ("{\"type\":\"urn:eventlog:problem:store-unavailable\",\"title\":\"Store unavailable\",\"status\":503,"
                            + "\"detail\":\"injected\"}")
                    .getBytes(StandardCharsets.UTF_8);

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "faulty-link");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final SplittableRandom seeds;
    private final double unavailable;
    private final double dropAnswer;
    private final double delay;
    private final int longDelayMillis;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger answered503 = new AtomicInteger();
    final AtomicInteger answersDropped = new AtomicInteger();
    final AtomicInteger delayed = new AtomicInteger();
    private volatile boolean closed;

    FaultyLink(URI upstream, long seed, double unavailable, double dropAnswer, double delay, int longDelayMillis)
            throws IOException {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        this.seeds = new SplittableRandom(seed);
        this.unavailable = unavailable;
        this.dropAnswer = dropAnswer;
        this.delay = delay;
        this.longDelayMillis = longDelayMillis;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                SplittableRandom random;
                synchronized (seeds) {
                    random = seeds.split();
                }
                threads.execute(() -> relay(client, random));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void relay(Socket client, SplittableRandom random) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (!closed) {
                byte[] request = readRequest(in);
                if (request == null) {
                    return;
                }
                requests.incrementAndGet();
                double draw = random.nextDouble();
                if (draw < unavailable) {
                    answered503.incrementAndGet();
                    out.write(unavailable());
                    out.flush();
                    continue;
                }
                if (draw < unavailable + delay) {
                    delayed.incrementAndGet();
                    // One held request in ten outlasts the client's attempt timeout; the rest only slow it down.
                    Thread.sleep(random.nextInt(10) == 0 ? longDelayMillis : random.nextInt(20, 200));
                }
                byte[] answer = forward(request);
                if (draw >= unavailable + delay && draw < unavailable + delay + dropAnswer) {
                    answersDropped.incrementAndGet();
                    client.setSoLinger(true, 0);
                    return;
                }
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // The client gave up on this connection (its attempt timed out): nothing more to relay.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    private byte[] forward(byte[] request) throws IOException {
        try (Socket store = new Socket()) {
            store.connect(upstream, 5_000);
            store.getOutputStream().write(request);
            store.getOutputStream().flush();
            return store.getInputStream().readAllBytes();
        }
    }

    /** One request, its head rewritten to close the connection after the answer; null at the end of the stream. */
    private byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' || b == '\n') && (matched % 2 == 0 ? b == '\r' : b == '\n') ? matched + 1 : 0;
        }
        if (matched < 4) {
            return null;
        }
        StringBuilder rewritten = new StringBuilder();
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
            if (lower.startsWith("host:")) {
                // serve answers only its own Host, as the gateway answers only the API's domain.
                line = "Host: 127.0.0.1:" + upstream.getPort();
            }
            if (!lower.startsWith("connection:") && !line.isEmpty()) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(in.readNBytes(length));
        return request.toByteArray();
    }

    private static byte[] unavailable() {
        String head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n"
                + "Retry-After: 0\r\nContent-Length: " + UNAVAILABLE_BODY.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(UNAVAILABLE_BODY);
        return out.toByteArray();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // Closing is best effort in a test harness.
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // As above.
            }
        }
        threads.shutdownNow();
    }
}
