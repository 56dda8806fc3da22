package dev.eventlog.local;

import dev.eventlog.local.auth.IamCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything {@code serve} was told: where to listen, CORS, IAM, the access log, the store and the console.
 *
 * @param consolePort the browser console's port (0 for any free one), or empty for no console
 * @param corsOriginsDefaulted whether {@code --cors-allow-origins} was left out, so that the origins in
 *        {@code cors} are {@link #defaultCorsOrigins} and follow the ports actually bound
 */
public record ServeOptions(
        String host,
        int port,
        Optional<Path> accessLog,
        CorsPolicy cors,
        Optional<IamCredentials> iam,
        StoreOptions store,
        OptionalInt consolePort,
        boolean corsOriginsDefaulted) {

    /** The console's default port: next to the API's 3000. */
    public static final int DEFAULT_CONSOLE_PORT = 3001;

    /** Options without a console, taken as given. */
    public ServeOptions(String host, int port, Optional<Path> accessLog, CorsPolicy cors,
            Optional<IamCredentials> iam, StoreOptions store) {
        this(host, port, accessLog, cors, iam, store, OptionalInt.empty(), false);
    }

    /**
     * The CORS origins allowed when {@code --cors-allow-origins} is not given: the one place that decides them.
     *
     * @param apiPort the API's port
     * @param consolePort the console's bound port, when a console runs
     */
    public static List<String> defaultCorsOrigins(int apiPort, OptionalInt consolePort) {
        // Any origin, like the deployed API's configuration.
        List<String> origins = new ArrayList<>(List.of("*"));
        // CONSOLE ORIGINS: the console's page calls the API from its own origin, so whatever the default
        // becomes, it must keep letting the console in.
        consolePort.ifPresent(port -> origins.addAll(localOrigins(List.of(port))));
        return List.copyOf(origins);
    }

    /** The origins a browser on this machine sends for pages served on {@code ports}, by name and by address. */
    public static List<String> localOrigins(List<Integer> ports) {
        List<String> origins = new ArrayList<>();
        for (int port : ports) {
            origins.add("http://localhost:" + port);
            origins.add("http://127.0.0.1:" + port);
        }
        return List.copyOf(origins);
    }

    /**
     * The CORS policy in force once the console is bound: default origins are computed again with the console's
     * actual port (it differs from the option when that was 0); origins the user gave are kept as given.
     */
    public CorsPolicy corsWithConsoleOn(OptionalInt boundConsolePort) {
        if (!corsOriginsDefaulted || cors.allowOrigins().isEmpty()) {
            return cors;
        }
        return new CorsPolicy(defaultCorsOrigins(port, boundConsolePort), cors.allowMethods(), cors.allowHeaders(),
                cors.exposeHeaders(), cors.maxAgeSeconds(), cors.allowCredentials());
    }
}
