package dev.eventlog.local;

import dev.eventlog.local.data.ApiEventLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The runner's command line: dispatches the commands of {@link RunnerCommand} and {@code --help}, turns every bad
 * option into one line on stderr and exit status 2, and keeps {@code serve} running until the JVM is asked to stop.
 */
public final class RunnerCli {

    /** Exit status: success. */
    public static final int OK = 0;
    /** Exit status: the command ran but failed (port taken, store unreachable, handler error). */
    public static final int FAILED = 1;
    /** Exit status: bad command line or input. */
    public static final int USAGE = 2;

    private final HandlerFactory handlers;
    private final CommandLineParser parser;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public RunnerCli(
            HandlerFactory handlers,
            Map<String, String> environment,
            InputStream in,
            PrintStream out,
            PrintStream err) {
        this.handlers = handlers;
        this.parser = new CommandLineParser(environment);
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs the command; for {@code serve} this returns only after a shutdown signal. Returns the exit status. */
    public int run(String... args) {
        if (args.length == 0) {
            err.println("error: missing command; use " + RunnerCommand.names() + " or --help");
            return USAGE;
        }
        if (List.of("--help", "-h", "help").contains(args[0])) {
            out.print(HelpText.render());
            return OK;
        }
        Optional<RunnerCommand> command = RunnerCommand.named(args[0]);
        if (command.isEmpty()) {
            err.println("error: unknown command '" + args[0] + "'; use " + RunnerCommand.names() + " or --help");
            return USAGE;
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        if (options.contains("--help")) {
            out.print(HelpText.render());
            return OK;
        }
        try {
            return switch (command.get()) {
                case SERVE -> serveUntilStopped(parser.parseServe(options));
                case INVOKE -> {
                    InvokeCommand.run(parser.parseInvoke(options), handlers, in, out);
                    yield OK;
                }
                case GENERATE_EVENT -> {
                    GenerateEventCommand.run(parser.parseGenerateEvent(options), Clock.systemUTC(), out);
                    yield OK;
                }
                case EXPORT -> ExportCommand.run(parser.parseExport(options), ApiEventLines.LINES, out, err);
                case IMPORT -> ImportCommand.run(parser.parseImport(options), ApiEventLines.LINES, in, err);
                case ERASE_USER -> EraseUserCommand.run(parser.parseEraseUser(options), out, err);
                case BACKFILL_USER_INDEX -> {
                    BackfillUserIndexCommand.run(parser.parseBackfillUserIndex(options), out);
                    yield OK;
                }
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private int serveUntilStopped(ServeOptions options) throws IOException {
        RunningApi api = ServeCommand.start(options, handlers, out, err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            err.println("Stopping...");
                            api.close();
                            stopped.countDown();
                        },
                        "serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            api.close();
            Thread.currentThread().interrupt();
        }
        return OK;
    }
}
