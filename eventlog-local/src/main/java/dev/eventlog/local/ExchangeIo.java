package dev.eventlog.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** The gateway's reading of a request off the JDK server's exchange, and its writing of the reply back. */
final class ExchangeIo {

    private ExchangeIo() {}

    // The target as sent: java.net.URI reads "//events" as an authority and an empty path.
    static String pathAsSent(HttpExchange exchange) {
        String target = exchange.getRequestURI().toString();
        if (!target.startsWith("/")) {
            return String.valueOf(exchange.getRequestURI().getRawPath());
        }
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    static Optional<byte[]> readBody(InputStream in, int maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            // Past the limit the rest is read and dropped, so the client sees the 413 instead of a reset connection.
            if (total <= maxBytes) {
                body.write(buffer, 0, read);
            }
        }
        return total > maxBytes ? Optional.empty() : Optional.of(body.toByteArray());
    }

    static void send(HttpExchange exchange, GatewayReply reply) throws IOException {
        reply.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean noBody = reply.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
        exchange.close();
    }
}
