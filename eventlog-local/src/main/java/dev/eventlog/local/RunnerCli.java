package dev.eventlog.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The runner's command line: dispatches {@code serve}, {@code invoke}, {@code generate-event},
 * {@code backfill-user-index} and {@code --help},
 * turns every bad option into one line on stderr and exit status 2, and keeps {@code serve} running until the JVM
 * is asked to stop.
 */
public final class RunnerCli {

    /** Exit status: success. */
    public static final int OK = 0;
    /** Exit status: the command ran but failed (port taken, store unreachable, handler error). */
    public static final int FAILED = 1;
    /** Exit status: bad command line or input. */
    public static final int USAGE = 2;

    static final String HELP = """
            Usage: java -jar eventlog-local.jar <command> [options]

            Commands:
              serve                         run the HTTP API locally, like the deployed $default stage
              invoke --event FILE [...]     run the handler on payload 2.0 event files, print each response
              generate-event get|post       print the payload 2.0 event serve would build for one request,
                                            to edit and pass to invoke
              backfill-user-index           add the byUser index's key (at) to events written before the
                                            index existed, so queries by userId find them; safe to stop,
                                            rerun, and run while the API takes writes
              --help                        show this help

            serve options:
              --host HOST                   address to listen on (default 127.0.0.1)
              --port PORT                   port to listen on, 0 for any free port (default 3000)
              --access-log FILE             append access-log lines to FILE (default stdout)
              --allowed-hosts LIST          more Host names to answer, comma-separated (always answered:
                                            localhost, 127.0.0.1, [::1] and the --host address; others get 403)
              --cors-allow-origins LIST     comma-separated allowed origins, * for any (default: the local
                                            pages, http://localhost:PORT and http://127.0.0.1:PORT of the API
                                            and the console; with --iam *)
              --cors-allow-methods LIST     allowed methods for preflight (default GET,POST)
              --cors-allow-headers LIST     allowed request headers, * for any (default *)
              --cors-expose-headers LIST    response headers exposed to browsers (default none)
              --cors-max-age SECONDS        preflight cache time, 0-86400 (default none)
              --cors-allow-credentials      allow credentials (needs explicit origins)
              --no-cors                     answer no preflight and add no CORS headers
              --console-port PORT           port of the browser console, 0 for any free port (default 3001)
              --no-console                  do not serve the browser console
              --iam                         require AWS Signature Version 4 (service execute-api) on every route
                                            (key pair: these options, else $AWS_ACCESS_KEY_ID and
                                            $AWS_SECRET_ACCESS_KEY, else [default] in ~/.aws/credentials)
              --iam-access-key KEY          the access key id to accept
              --iam-secret-key SECRET       its secret; prefer the environment or a credentials file: a
                                            command line is visible to every local user (ps)
              --iam-credentials-file FILE   read the key pair from an AWS credentials file
                                            (default $AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials)
              --iam-profile NAME            the profile in that file (default "default")

            invoke options:
              --event FILE                  a payload 2.0 event file, - for stdin; repeat to run several in order

            generate-event options:
              --path PATH                   the request path, percent-encoded (default /events)
              --query QUERY                 the query string without '?', e.g. limit=5; repeat to add more
              --body JSON                   the request body (sent as application/json)
              e.g. generate-event post --body '{"userId":"alice","eventType":"login"}' > post.json
                   generate-event get --path /events/2024-06-01 --query limit=5 > day.json

            store options (serve and invoke):
              --store memory|dynamodb       the store (default memory: embedded, lost on exit)
              --table NAME                  DynamoDB table (default EventLog)
              --endpoint-url URL            DynamoDB endpoint, e.g. a local emulator (default: AWS)
              --region REGION               AWS region for DynamoDB and for SigV4 scopes
                                            (default $AWS_REGION, else us-east-1)
              --create-table                create the DynamoDB table if it does not exist
                                            (with time to live on expiresAt when --retention-days is set)
              --retention-days N            keep events N days from their own time (1-36500): older ones
                                            are never returned and a POST of one is refused (default: forever)
              --write-shards N              the table's number of write shards, 1-64 (default 1; fixed by
                                            the table's first write)

            backfill-user-index options: --table, --endpoint-url, --region, --write-shards as above

            Exit status: 0 success, 1 failure while running, 2 bad options or input.
            """;

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
            err.println("error: missing command; use serve, invoke, generate-event, backfill-user-index or --help");
            return USAGE;
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "--help", "-h", "help" -> {
                    out.print(HELP);
                    return OK;
                }
                case "serve" -> {
                    if (options.contains("--help")) {
                        out.print(HELP);
                        return OK;
                    }
                    return serveUntilStopped(parser.parseServe(options));
                }
                case "invoke" -> {
                    if (options.contains("--help")) {
                        out.print(HELP);
                        return OK;
                    }
                    InvokeCommand.run(parser.parseInvoke(options), handlers, in, out);
                    return OK;
                }
                case "generate-event" -> {
                    if (options.contains("--help")) {
                        out.print(HELP);
                        return OK;
                    }
                    GenerateEventCommand.run(parser.parseGenerateEvent(options), Clock.systemUTC(), out);
                    return OK;
                }
                case "backfill-user-index" -> {
                    if (options.contains("--help")) {
                        out.print(HELP);
                        return OK;
                    }
                    BackfillUserIndexCommand.run(parser.parseBackfillUserIndex(options), out);
                    return OK;
                }
                default -> {
                    err.println("error: unknown command '" + args[0]
                            + "'; use serve, invoke, generate-event, backfill-user-index or --help");
                    return USAGE;
                }
            }
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
