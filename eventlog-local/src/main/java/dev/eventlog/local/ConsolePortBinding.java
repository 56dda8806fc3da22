package dev.eventlog.local;

import dev.eventlog.local.console.ConsoleServer;
import java.io.IOException;
import java.net.BindException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Opens the console's port for {@code serve}: a port given with {@code --console-port} exactly, or else the usual
 * one, and any free port when that one is taken, so that a second {@code serve} on the machine (with its own
 * {@code --port}) starts with a console of its own instead of failing on the first one's.
 *
 * @param server the console, bound but not yet serving
 * @param takenUsualPort the usual port, when it was taken and the console went to a free one instead
 */
record ConsolePortBinding(ConsoleServer server, OptionalInt takenUsualPort) {

    /** Binds the console {@code options} ask for, if any; {@code usualPort} stands for 3001 (tests pick their own). */
    static Optional<ConsolePortBinding> bind(ServeOptions options, int usualPort, HostCheck hosts) throws IOException {
        if (options.consolePort().isEmpty()) {
            return Optional.empty();
        }
        int given = options.consolePort().getAsInt();
        boolean byDefault = given == ServeOptions.DEFAULT_CONSOLE_PORT;
        int port = byDefault ? usualPort : given;
        try {
            return Optional.of(new ConsolePortBinding(open(options, port, hosts), OptionalInt.empty()));
        } catch (BindException taken) {
            if (!byDefault) {
                throw failure(options, port, taken, "use --console-port 0 for any free port, or --no-console");
            }
        }
        try {
            return Optional.of(new ConsolePortBinding(open(options, 0, hosts), OptionalInt.of(usualPort)));
        } catch (BindException e) {
            throw failure(options, 0, e, "use --no-console to serve without it");
        }
    }

    private static ConsoleServer open(ServeOptions options, int port, HostCheck hosts) throws IOException {
        try {
            return ConsoleServer.bind(options.host(), port, hosts);
        } catch (BindException e) {
            throw e;
        } catch (IOException e) {
            throw failure(options, port, e, "use --no-console to serve without it");
        }
    }

    private static IOException failure(ServeOptions options, int port, IOException cause, String advice) {
        return new IOException(
                "cannot listen on " + options.host() + ":" + port + " for the console: " + cause.getMessage() + "; "
                        + advice,
                cause);
    }
}
