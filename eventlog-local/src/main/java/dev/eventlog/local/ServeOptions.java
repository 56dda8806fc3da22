package dev.eventlog.local;

import dev.eventlog.dynamodb.StoreCallTimeouts;
import dev.eventlog.local.auth.IamCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything {@code serve} was told: where to listen, which {@code Host} names to answer, CORS, IAM, the access
 * log, the store and the console.
 *
 * @param cors the CORS policy; its origins apply only when {@code localCorsOrigins} is false
 * @param localCorsOrigins whether no origins were given and none come from {@code --iam}, so that the allowed
 *     origins are the runner's own local pages, known only once their ports are bound (see {@link #corsFor})
 * @param allowedHosts the {@code --allowed-hosts} names, answered besides the local ones
 * @param consolePort the browser console's port as given (0 for any free one), {@link #DEFAULT_CONSOLE_PORT} when
 *     none was given, or empty for no console
 * @param functionTimeout how long an invocation of the function may run, as the deployed function's timeout
 */
public record ServeOptions(
        String host,
        int port,
        Optional<Path> accessLog,
        CorsPolicy cors,
        boolean localCorsOrigins,
        List<String> allowedHosts,
        Optional<IamCredentials> iam,
        StoreOptions store,
        OptionalInt consolePort,
        Duration functionTimeout) {

    /**
     * The console's port when none was given: {@link #USUAL_CONSOLE_PORT}, or any free port when another program
     * (often a first {@code serve}) holds that one. A port that was given is bound strictly.
     */
    public static final int DEFAULT_CONSOLE_PORT = -1;

    /** Where the console listens by default: next to the API's 3000. */
    public static final int USUAL_CONSOLE_PORT = 3001;

    public ServeOptions {
        allowedHosts = List.copyOf(allowedHosts);
        if (consolePort.isPresent()
                && consolePort.getAsInt() != DEFAULT_CONSOLE_PORT
                && (consolePort.getAsInt() < 0 || consolePort.getAsInt() > 65535)) {
            throw new IllegalArgumentException("console port out of range: " + consolePort.getAsInt());
        }
    }

    /** Options without a console, with the deployed function's timeout. */
    public ServeOptions(
            String host,
            int port,
            Optional<Path> accessLog,
            CorsPolicy cors,
            boolean localCorsOrigins,
            List<String> allowedHosts,
            Optional<IamCredentials> iam,
            StoreOptions store) {
        this(
                host,
                port,
                accessLog,
                cors,
                localCorsOrigins,
                allowedHosts,
                iam,
                store,
                OptionalInt.empty(),
                StoreCallTimeouts.FUNCTION_TIMEOUT);
    }

    /**
     * The CORS policy to serve with, given the ports of every local page the runner serves (the API's port
     * first, then the console's): this is the one place that turns the default into origins.
     */
    public CorsPolicy corsFor(List<Integer> localPorts) {
        return localCorsOrigins ? cors.withAllowOrigins(CorsPolicy.localOrigins(localPorts)) : cors;
    }

    /** These options with another function timeout (tests use a short one). */
    public ServeOptions withFunctionTimeout(Duration timeout) {
        return new ServeOptions(
                host, port, accessLog, cors, localCorsOrigins, allowedHosts, iam, store, consolePort, timeout);
    }

    /** The {@code Host} names to answer. */
    public HostCheck hostCheck() {
        return new HostCheck(host, allowedHosts);
    }
}
