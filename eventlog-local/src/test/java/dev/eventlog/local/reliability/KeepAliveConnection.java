package dev.eventlog.local.reliability;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Test harness: one persistent HTTP/1.1 connection to a loopback server, reopened when the server closes it. */
final class KeepAliveConnection implements AutoCloseable {

    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** One request and its response; a body, when given, is sent as UTF-8 with its length. */
    HttpMessage send(String method, String target, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(port)
                .append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(bytes.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        boolean fresh = socket == null;
        if (fresh) {
            open();
        }
        try {
            return exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), bytes, method);
        } catch (IOException e) {
            if (fresh) {
                throw e;
            }
            // The server may close an idle kept-alive connection at any time; one retry on a new one is what clients
            // do.
            close();
            open();
            return exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), bytes, method);
        }
    }

    private HttpMessage exchange(byte[] head, byte[] body, String method) throws IOException {
        out.write(head);
        out.write(body);
        out.flush();
        HttpMessage response = HttpMessage.readResponse(in, method);
        if (response == null) {
            throw new IOException("connection closed without a response");
        }
        if (!response.keepAlive()) {
            close();
        }
        return response;
    }

    private void open() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream());
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is best effort.
            }
            socket = null;
        }
    }
}
