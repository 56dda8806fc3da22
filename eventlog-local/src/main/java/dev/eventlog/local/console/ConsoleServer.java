package dev.eventlog.local.console;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.eventlog.local.HostCheck;
import dev.eventlog.local.LocalHttpApiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The browser console's own small web server, on a port of its own so that the API port stays an exact emulation
 * of the gateway. It serves a fixed set of files from the jar and {@code config.js}, to GET and HEAD only.
 */
public final class ConsoleServer implements AutoCloseable {

    // The page talks to the API on another port, so connections may go to any http(s) origin; nothing else may
    // come from elsewhere, and no other site may frame the page.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self' http: https:;"
            + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final LocalHttpApiServer server;
    private final ConsoleFiles files;
    private final HostCheck hosts;

    private ConsoleServer(LocalHttpApiServer server, ConsoleFiles files, HostCheck hosts) {
        this.server = server;
        this.files = files;
        this.hosts = hosts;
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) without serving yet, so that the port is known before the
     * API's CORS policy is built; {@link #start} serves once the API's address is known. It answers only the
     * {@code Host} names {@code hosts} allows, as the API does: {@code config.js} tells where the API is.
     */
    public static ConsoleServer bind(String host, int port, HostCheck hosts) throws IOException {
        ConsoleFiles files = ConsoleFiles.load();
        return new ConsoleServer(LocalHttpApiServer.bind(host, port, "console"), files, hosts);
    }

    /** Starts serving the page, telling it about the API through {@code config}. */
    public void start(ConsoleConfig config) {
        ConsoleFiles.StaticFile configScript = ConsoleFiles.script(config.toJavaScript());
        server.serve(exchange -> {
            try {
                List<String> hostHeaders = exchange.getRequestHeaders().getOrDefault("Host", List.of());
                Optional<String> refusal =
                        hosts.refusal(hostHeaders, exchange.getLocalAddress().getPort());
                if (refusal.isPresent()) {
                    send(
                            exchange,
                            403,
                            plain(refusal.get() + "\n"),
                            exchange.getRequestMethod().equals("HEAD"));
                    return;
                }
                String path = exchange.getRequestURI().getRawPath();
                Optional<ConsoleFiles.StaticFile> file =
                        path.equals("/config.js") ? Optional.of(configScript) : files.at(path);
                answer(exchange, file);
            } finally {
                exchange.close();
            }
        });
    }

    /** The port actually bound. */
    public int port() {
        return server.port();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:3001/}. */
    public String url() {
        return server.url() + "/";
    }

    /** Stops accepting and lets requests in flight finish. */
    @Override
    public void close() {
        server.close();
    }

    private static void answer(HttpExchange exchange, Optional<ConsoleFiles.StaticFile> file) throws IOException {
        String method = exchange.getRequestMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, plain("Method Not Allowed\n"), false);
        } else if (file.isEmpty()) {
            send(exchange, 404, plain("Not Found\n"), head);
        } else {
            send(exchange, 200, file.get(), head);
        }
    }

    private static ConsoleFiles.StaticFile plain(String text) {
        return new ConsoleFiles.StaticFile(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    private static void send(HttpExchange exchange, int status, ConsoleFiles.StaticFile file, boolean head)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", file.contentType());
        // A developer who rebuilds the jar must see the new page on the next reload, never a cached one.
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, file.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(file.body());
        }
    }
}
