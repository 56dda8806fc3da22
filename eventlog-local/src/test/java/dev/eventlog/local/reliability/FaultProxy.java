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
import java.net.SocketException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Test harness: an HTTP/1.1 proxy on loopback between a DynamoDB client and a DynamoDB-protocol server that injects
 * storage faults at the rates of its current {@link FaultPlan}. Each client connection is kept alive and relayed
 * over its own upstream connection; every decision is counted in {@link #counts()}. Decisions depend on the seed and
 * the request, not on arrival order (see {@link #drawFor}). A {@link RequestGate} may answer a request in the store's
 * place before any fault is drawn, which lets other models of the store (such as a per-partition write limit) reuse
 * this relay, and {@link #holdAnswers} makes a store that applies every request but answers late.
 */
final class FaultProxy implements AutoCloseable {

    private static final String JSON_1_0 = "application/x-amz-json-1.0";

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final FaultCounts counts = new FaultCounts();
    private final long seed;
    private final RequestGate gate;
    private final Map<String, Integer> sendings = new ConcurrentHashMap<>();
    private volatile FaultPlan plan;
    private volatile Duration answerHold = Duration.ZERO;
    private volatile boolean closed;

    private FaultProxy(URI upstream, FaultPlan plan, long seed, RequestGate gate) throws IOException {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        this.plan = plan;
        this.seed = seed;
        this.gate = gate;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fault-proxy");
            thread.setDaemon(true);
            return thread;
        });
        connections.execute(this::acceptLoop);
    }

    /** Starts a proxy on a free loopback port in front of {@code upstream} (an {@code http://host:port} URI). */
    static FaultProxy start(URI upstream, FaultPlan plan, long seed) throws IOException {
        return new FaultProxy(upstream, plan, seed, RequestGate.FORWARD_ALL);
    }

    /** Starts a proxy that injects no faults of its own and lets {@code gate} answer requests in the store's place. */
    static FaultProxy start(URI upstream, RequestGate gate) throws IOException {
        return new FaultProxy(upstream, FaultPlan.none(), 0, gate);
    }

    /** Where clients connect: {@code http://127.0.0.1:port}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Changes the fault rates for requests from now on. */
    void plan(FaultPlan next) {
        this.plan = next;
    }

    /**
     * Holds the store's answer to each request from now on for {@code hold} before relaying it, after the store has
     * applied the request: a store that works but answers late. Zero, the default, relays answers at once.
     */
    void holdAnswers(Duration hold) {
        this.answerHold = hold;
    }

    FaultCounts counts() {
        return counts;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        connections.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                connections.execute(() -> relay(client));
            } catch (IOException e) {
                if (!closed) {
                    // A failed accept leaves the listening socket usable; keep serving.
                    continue;
                }
                return;
            }
        }
    }

    private void relay(Socket client) {
        Socket store = null;
        try {
            client.setTcpNoDelay(true);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = new BufferedOutputStream(client.getOutputStream());
            InputStream fromStore = null;
            OutputStream toStore = null;
            while (!closed) {
                HttpMessage request = HttpMessage.readRequest(fromClient);
                if (request == null) {
                    return;
                }
                counts.request();
                byte[] answer = gate.answerInstead(request);
                if (answer != null) {
                    toClient.write(answer);
                    toClient.flush();
                    continue;
                }
                Duration heldFor = answerHold;
                FaultKind fault = plan.pick(drawFor(request), isWrite(request));
                if (fault != null) {
                    counts.inject(fault);
                }
                if (fault == FaultKind.CONNECTION_RESET) {
                    reset(client);
                    return;
                }
                if (fault == FaultKind.THROTTLING
                        || fault == FaultKind.THROUGHPUT_EXCEEDED
                        || fault == FaultKind.INTERNAL_ERROR) {
                    toClient.write(errorResponse(fault));
                    toClient.flush();
                    continue;
                }
                if (fault == FaultKind.DELAY_PAST_TIMEOUT) {
                    Thread.sleep(plan.delay().toMillis());
                }
                if (store == null || store.isClosed()) {
                    store = new Socket();
                    store.connect(upstream, 5_000);
                    store.setTcpNoDelay(true);
                    open.add(store);
                    fromStore = new BufferedInputStream(store.getInputStream());
                    toStore = new BufferedOutputStream(store.getOutputStream());
                }
                toStore.write(request.raw());
                toStore.flush();
                counts.forwarded();
                HttpMessage response = HttpMessage.readResponse(fromStore, request.method());
                if (response == null) {
                    throw new IOException("the store closed the connection without answering");
                }
                if (!response.keepAlive()) {
                    closeQuietly(store);
                    store = null;
                }
                if (fault == FaultKind.WRITE_THEN_DROP_RESPONSE) {
                    reset(client);
                    return;
                }
                Thread.sleep(heldFor.toMillis());
                toClient.write(response.raw());
                toClient.flush();
                if (!request.keepAlive()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // The client went away (e.g. after its own timeout) or sent garbage: end this connection only.
        } finally {
            closeQuietly(client);
            if (store != null) {
                closeQuietly(store);
                open.remove(store);
            }
            open.remove(client);
        }
    }

    /**
     * The draw for a request is a function of the seed, the request's operation and body, and how many times that
     * same request came before: not of the order in which concurrent writers and SDK retries reach the proxy, so
     * a seed replays the same fault for the same store call. The SDK's retry of a call is the next sending of the
     * same body, and draws afresh.
     */
    private double drawFor(HttpMessage request) {
        String identity = request.header("x-amz-target") + "\n" + request.bodyText();
        int sending = sendings.merge(identity, 1, Integer::sum);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ByteBuffer.allocate(Long.BYTES + Integer.BYTES)
                    .putLong(seed)
                    .putInt(sending)
                    .array());
            byte[] digest = sha256.digest(identity.getBytes(StandardCharsets.UTF_8));
            return (ByteBuffer.wrap(digest).getLong() >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean isWrite(HttpMessage request) {
        String target = request.header("x-amz-target");
        return target != null
                && (target.endsWith(".PutItem")
                        || target.endsWith(".BatchWriteItem")
                        || target.endsWith(".TransactWriteItems")
                        || target.endsWith(".UpdateItem")
                        || target.endsWith(".DeleteItem"));
    }

    private static byte[] errorResponse(FaultKind fault) {
        int status;
        String type;
        String message;
        switch (fault) {
            case THROTTLING -> {
                status = 400;
                type = "com.amazon.coral.availability#ThrottlingException";
                message = "Rate of requests exceeds the allowed throughput.";
            }
            case THROUGHPUT_EXCEEDED -> {
                status = 400;
                type = "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException";
                message = "The level of configured provisioned throughput for the table was exceeded. "
                        + "Consider increasing your provisioning level with the UpdateTable API.";
            }
            case INTERNAL_ERROR -> {
                status = 500;
                type = "com.amazonaws.dynamodb.v20120810#InternalServerError";
                message = "Internal server error";
            }
            default -> throw new IllegalArgumentException("not an error response: " + fault);
        }
        return dynamoDbError(status, type, message);
    }

    /**
     * A complete HTTP response carrying a DynamoDB error as the service sends it over the JSON 1.0 protocol: the
     * namespaced type in the body's {@code __type} and the short name in {@code x-amzn-ErrorType}. The AWS SDK for
     * Java v2 takes the error code from that header (up to any ':') or else from {@code __type} after its '#', so
     * both carry it and the SDK maps it to its modelled exception.
     */
    static byte[] dynamoDbError(int status, String type, String message) {
        String shortType = type.substring(type.indexOf('#') + 1);
        byte[] body =
                ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 500 ? " Internal Server Error" : " Bad Request") + "\r\n"
                + "x-amzn-RequestId: " + UUID.randomUUID() + "\r\n"
                + "x-amzn-ErrorType: " + shortType + "\r\n"
                + "Content-Type: " + JSON_1_0 + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        System.arraycopy(body, 0, out, headBytes.length, body.length);
        return out;
    }

    /** Ends the connection with a TCP reset rather than an orderly close. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // Already closed: nothing left to reset.
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort in a test harness.
        }
    }
}
