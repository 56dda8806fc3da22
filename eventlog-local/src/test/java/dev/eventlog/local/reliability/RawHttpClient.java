package dev.eventlog.local.reliability;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Test harness: sends exactly the bytes given over a plain loopback socket, however malformed, and reads what the
 * server answers. Unlike an HTTP client it never repairs a request.
 */
final class RawHttpClient {

    private final int port;
    private final Duration timeout;

    RawHttpClient(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /** What came back: a response, or the connection ending without one. */
    record Reply(HttpMessage response, String failure) {

        boolean answered() {
            return response != null;
        }

        int status() {
            if (response == null) {
                throw new AssertionError("no response: " + failure);
            }
            return response.status();
        }

        @Override
        public String toString() {
            return response == null
                    ? "no response (" + failure + ")"
                    : response.startLine() + " " + response.headers() + " " + response.bodyText();
        }
    }

    /** Sends the bytes, keeps the sending side open, and reads one response. */
    Reply exchange(byte[] request) throws IOException {
        return exchange(request, false);
    }

    Reply exchange(String request) throws IOException {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /**
     * Sends the bytes and, when {@code endAfterSending}, closes the sending side so that the server sees the
     * request end where the bytes end (a body that stops early, a request line without a line end).
     */
    Reply exchange(byte[] request, boolean endAfterSending) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (endAfterSending) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may answer and close before it has read everything (e.g. a body too large).
            }
            try {
                HttpMessage response =
                        HttpMessage.readResponse(new BufferedInputStream(socket.getInputStream()), methodOf(request));
                return new Reply(response, response == null ? "connection closed without a response" : null);
            } catch (java.net.SocketTimeoutException e) {
                return new Reply(null, "no response within " + timeout.toMillis() + " ms");
            } catch (IOException e) {
                return new Reply(null, e.toString());
            }
        }
    }

    private static String methodOf(byte[] request) {
        int end = 0;
        while (end < request.length && end < 16 && request[end] != ' ') {
            end++;
        }
        return new String(request, 0, end, StandardCharsets.ISO_8859_1);
    }
}
