package dev.eventlog.local.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test harness: connections that start a request and never finish it, as a slow or hostile client does: half of
 * them stop in the middle of a header line, the other half send their headers and the start of a chunked body,
 * then nothing more. Each one holds a worker of a server that waits for the rest.
 */
final class SlowClients implements AutoCloseable {

    private final List<Socket> sockets;

    private SlowClients(List<Socket> sockets) {
        this.sockets = sockets;
    }

    /** Opens {@code count} such connections to {@code port}, whose {@code Host} is {@code host}, sent by {@code method}. */
    static SlowClients open(int port, String host, String method, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                String start = method + " /events HTTP/1.1\r\nHost: " + host + "\r\n";
                String unfinished = i % 2 == 0
                        ? start + "Content-Ty"
                        : start + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n[{\"d\r\n";
                OutputStream out = socket.getOutputStream();
                out.write(unfinished.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                sockets.add(socket);
            }
        } catch (IOException e) {
            sockets.forEach(SlowClients::closeQuietly);
            throw e;
        }
        return new SlowClients(sockets);
    }

    /**
     * Waits up to {@code within} for the server to close each connection (no answer is expected: the request
     * never ended) and returns how many it left open.
     */
    int stillOpenAfter(Duration within) throws IOException {
        Instant deadline = Instant.now().plus(within);
        int open = 0;
        for (Socket socket : sockets) {
            long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            try {
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // Whatever the server says before it closes (a 400) does not matter here.
                }
            } catch (SocketTimeoutException e) {
                open++;
            } catch (IOException e) {
                // Reset by the server: closed.
            }
        }
        return open;
    }

    @Override
    public void close() {
        sockets.forEach(SlowClients::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a test's own socket: nothing to report.
        }
    }
}
