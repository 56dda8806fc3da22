package dev.eventlog.local.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Test harness: one HTTP/1.1 message read off the wire, with its exact bytes kept so that a proxy can relay it
 * unchanged. Bodies are framed by {@code Content-Length}, by chunked transfer coding, or (responses only) by the
 * end of the connection.
 */
record HttpMessage(String startLine, Map<String, String> headers, byte[] body, byte[] raw) {

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;

    /** The header's value (names compare case-insensitively); null when absent. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The status code of a response. */
    int status() {
        String[] parts = startLine.split(" ", 3);
        return Integer.parseInt(parts[1]);
    }

    /** The method of a request. */
    String method() {
        return startLine.split(" ", 2)[0];
    }

    /** Whether the peer may reuse the connection after this message. */
    boolean keepAlive() {
        String connection = header("connection");
        if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
            return false;
        }
        return !startLine.startsWith("HTTP/1.0") && !startLine.endsWith("HTTP/1.0");
    }

    /** Reads a request; null when the connection ends cleanly before its first byte. */
    static HttpMessage readRequest(InputStream in) throws IOException {
        return read(in, false, false);
    }

    /** Reads the response to a request with the given method; null when the connection ends before its first byte. */
    static HttpMessage readResponse(InputStream in, String requestMethod) throws IOException {
        return read(in, true, "HEAD".equals(requestMethod));
    }

    private static HttpMessage read(InputStream in, boolean response, boolean noBody) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String startLine = readLine(in, raw);
        if (startLine == null) {
            return null;
        }
        while (startLine.isEmpty()) {
            // A stray CRLF between pipelined messages is allowed before a request line.
            startLine = readLine(in, raw);
            if (startLine == null) {
                return null;
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine(in, raw);
            if (line == null) {
                throw new IOException("connection ended inside the header section");
            }
            if (line.isEmpty()) {
                break;
            }
            if (count >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + line);
            }
            headers.put(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (response) {
            int status = Integer.parseInt(startLine.split(" ", 3)[1]);
            if (status == 100) {
                // An interim response: the real one follows.
                return read(in, true, noBody);
            }
            noBody = noBody || status == 204 || status == 304 || status < 200;
        }
        if (!noBody) {
            String transferEncoding = headers.get("transfer-encoding");
            String contentLength = headers.get("content-length");
            if (transferEncoding != null
                    && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                readChunked(in, raw, body);
            } else if (contentLength != null) {
                long length = Long.parseLong(contentLength.trim());
                copy(in, length, raw, body);
            } else if (response) {
                copy(in, Long.MAX_VALUE, raw, body);
            }
        }
        return new HttpMessage(startLine, headers, body.toByteArray(), raw.toByteArray());
    }

    private static void readChunked(InputStream in, ByteArrayOutputStream raw, ByteArrayOutputStream body)
            throws IOException {
        while (true) {
            String sizeLine = readLine(in, raw);
            if (sizeLine == null) {
                throw new IOException("connection ended inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in, raw);
                } while (trailer != null && !trailer.isEmpty());
                return;
            }
            copy(in, size, raw, body);
            readLine(in, raw);
        }
    }

    private static void copy(InputStream in, long length, ByteArrayOutputStream raw, ByteArrayOutputStream body)
            throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("connection ended " + left + " bytes before the end of the body");
            }
            raw.write(buffer, 0, n);
            body.write(buffer, 0, n);
            left -= n;
        }
    }

    /** One CRLF- (or LF-) terminated line without its terminator; null at a clean end of stream. */
    private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new IOException("connection ended inside a line");
            }
            raw.write(b);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }
}
