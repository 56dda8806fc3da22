package dev.eventlog.local;

import dev.eventlog.dynamodb.StoreCallTimeouts;
import java.time.Duration;

/**
 * The time limits of the JDK's HTTP server that every server of the runner (the API's, the console's) runs with,
 * so that a slow or stalled client cannot hold one of its workers for long.
 *
 * <p>The JDK server reads a request's line, headers and body on the worker that serves it, and by default waits
 * for them without end. Its {@code sun.net.httpserver.maxReqTime} closes a connection whose request has not
 * arrived in full that many seconds after its first byte, and {@code sun.net.httpserver.maxRspTime} one whose
 * answer has not been written that many seconds after the request was read (both are read by JDK 17's
 * {@code sun.net.httpserver.ServerConfig} and checked once a second). They are settings of the whole process,
 * read when its first HTTP server is made, so they are set before the runner makes one, unless the command line
 * already gave them ({@code -Dsun.net.httpserver.maxReqTime=...}).
 */
final class ServerLimits {

    /**
     * A whole request, body included, must arrive within this time of its first byte: a 10 MB body (the payload
     * limit) then needs about 1 MB/s, which loopback and a local network give with room to spare.
     */
    static final Duration REQUEST = Duration.ofSeconds(10);

    /** The answer must be written within this time of the request: the function's timeout, then 10 s to write. */
    static final Duration RESPONSE = StoreCallTimeouts.FUNCTION_TIMEOUT.plusSeconds(10);

    static final String REQUEST_PROPERTY = "sun.net.httpserver.maxReqTime";
    static final String RESPONSE_PROPERTY = "sun.net.httpserver.maxRspTime";
    // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, a keep-alive
    // client's delayed ACK then holds each response back by tens of milliseconds.
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private ServerLimits() {}

    /** Sets the limits for the process's HTTP servers; they take effect if no HTTP server was made before. */
    static void apply() {
        setUnlessGiven(REQUEST_PROPERTY, Long.toString(REQUEST.toSeconds()));
        setUnlessGiven(RESPONSE_PROPERTY, Long.toString(RESPONSE.toSeconds()));
        System.setProperty(NO_DELAY_PROPERTY, "true");
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
