package dev.eventlog.local;

import static dev.eventlog.local.RunnerOption.*;

import dev.eventlog.dynamodb.StoreCallTimeouts;
import dev.eventlog.local.auth.IamCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns each command's options, read against the option table ({@link RunnerOption}), into what the command was
 * told; any unknown option, missing or bad value becomes a {@link UsageException} with a one-line message.
 */
public final class CommandLineParser {

    private final Map<String, String> environment;
    private final StoreOptionsParser stores;

    /**
     * @param environment where {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code HOME} and friends are looked
     *     up
     */
    public CommandLineParser(Map<String, String> environment) {
        this.environment = environment;
        this.stores = new StoreOptionsParser(environment);
    }

    private static ParsedArgs parse(RunnerCommand command, List<String> args) throws UsageException {
        ParsedArgs parsed = ParsedArgs.parse(command, args);
        if (command != RunnerCommand.GENERATE_EVENT && !parsed.positional().isEmpty()) {
            throw new UsageException(
                    "unexpected argument '" + parsed.positional().get(0) + "' for " + command.commandName()
                            + " (options start with --; see --help)");
        }
        return parsed;
    }

    /** The options of {@code serve}. */
    public ServeOptions parseServe(List<String> args) throws UsageException {
        ParsedArgs in = parse(RunnerCommand.SERVE, args);
        String host = OptionValues.nonBlank(HOST, in.value(HOST).orElse("127.0.0.1"));
        int port = in.value(PORT).isPresent()
                ? OptionValues.intIn(PORT, in.value(PORT).get(), 0, 65535)
                : 3000;
        Optional<Path> accessLog = in.value(ACCESS_LOG).map(value -> Path.of(value));
        if (accessLog.isPresent()) {
            OptionValues.nonBlank(ACCESS_LOG, in.value(ACCESS_LOG).get());
        }
        Optional<List<String>> origins = in.value(CORS_ALLOW_ORIGINS).isPresent()
                ? Optional.of(OptionValues.list(
                        CORS_ALLOW_ORIGINS, in.value(CORS_ALLOW_ORIGINS).get()))
                : Optional.empty();
        List<String> allowedHosts = in.value(ALLOWED_HOSTS).isPresent()
                ? HostCheck.parseNames(
                        OptionValues.list(ALLOWED_HOSTS, in.value(ALLOWED_HOSTS).get()))
                : List.of();
        List<String> methods = in.value(CORS_ALLOW_METHODS).isPresent()
                ? OptionValues.methods(
                        CORS_ALLOW_METHODS, in.value(CORS_ALLOW_METHODS).get())
                : List.of("GET", "POST");
        List<String> headers = in.value(CORS_ALLOW_HEADERS).isPresent()
                ? OptionValues.list(
                        CORS_ALLOW_HEADERS, in.value(CORS_ALLOW_HEADERS).get())
                : List.of("*");
        List<String> expose = in.value(CORS_EXPOSE_HEADERS).isPresent()
                ? OptionValues.list(
                        CORS_EXPOSE_HEADERS, in.value(CORS_EXPOSE_HEADERS).get())
                : List.of();
        int maxAge = in.value(CORS_MAX_AGE).isPresent()
                ? OptionValues.intIn(CORS_MAX_AGE, in.value(CORS_MAX_AGE).get(), 0, 86400)
                : -1;
        boolean credentialsAllowed = in.has(CORS_ALLOW_CREDENTIALS);
        boolean corsOff = in.has(NO_CORS);
        boolean consoleOff = in.has(NO_CONSOLE);
        boolean iam = in.has(IAM);
        if (consoleOff && in.has(CONSOLE_PORT)) {
            throw new UsageException("--console-port cannot be combined with --no-console");
        }
        int consolePort = in.value(CONSOLE_PORT).isPresent()
                ? OptionValues.intIn(CONSOLE_PORT, in.value(CONSOLE_PORT).get(), 0, 65535)
                : ServeOptions.DEFAULT_CONSOLE_PORT;
        OptionalInt console = consoleOff ? OptionalInt.empty() : OptionalInt.of(consolePort);
        if (console.isPresent() && consolePort != 0 && consolePort == port) {
            throw new UsageException("--console-port must differ from --port (both are " + port + ")");
        }
        // Signed requests are safe from other sites' pages, so --iam keeps the deployed API's default, any origin;
        // without it only the runner's own pages may call, and their ports are known once bound.
        boolean localOrigins = !corsOff && origins.isEmpty() && !iam;
        List<String> givenOrigins = origins.orElse(iam ? CorsPolicy.defaults().allowOrigins() : List.of());
        if (credentialsAllowed && givenOrigins.contains("*")) {
            throw new UsageException("--cors-allow-credentials cannot be combined with --cors-allow-origins '*'"
                    + (origins.isEmpty() ? " (the default with --iam); name the origins" : ""));
        }
        CorsPolicy cors = corsOff
                ? CorsPolicy.disabled()
                : new CorsPolicy(givenOrigins, methods, headers, expose, maxAge, credentialsAllowed);
        Optional<String> accessKey = OptionValues.nonBlankValue(in, IAM_ACCESS_KEY);
        Optional<String> secretKey = OptionValues.nonBlankValue(in, IAM_SECRET_KEY);
        Optional<Path> credentialsFile =
                OptionValues.nonBlankValue(in, IAM_CREDENTIALS_FILE).map(Path::of);
        Optional<String> profile = OptionValues.nonBlankValue(in, IAM_PROFILE);
        boolean iamDetails =
                accessKey.isPresent() || secretKey.isPresent() || credentialsFile.isPresent() || profile.isPresent();
        if (iamDetails && !iam) {
            throw new UsageException("IAM credentials were given without --iam; add --iam to require signatures");
        }
        StoreOptions storeOptions = stores.parse(in);
        Optional<IamCredentials> credentials = iam
                ? Optional.of(new IamKeyPair(environment)
                        .resolve(accessKey, secretKey, credentialsFile, profile, storeOptions.region()))
                : Optional.empty();
        return new ServeOptions(
                host,
                port,
                accessLog,
                cors,
                localOrigins,
                allowedHosts,
                credentials,
                storeOptions,
                console,
                StoreCallTimeouts.FUNCTION_TIMEOUT);
    }

    /** The route and options of {@code generate-event}: {@code get|post [--path P] [--query Q]... [--body JSON]}. */
    public GenerateEventOptions parseGenerateEvent(List<String> args) throws UsageException {
        ParsedArgs in = parse(RunnerCommand.GENERATE_EVENT, args);
        Optional<String> method = Optional.empty();
        for (String argument : in.positional()) {
            String lower = argument.toLowerCase(Locale.ROOT);
            if (method.isEmpty() && (lower.equals("get") || lower.equals("post"))) {
                method = Optional.of(lower.toUpperCase(Locale.ROOT));
            } else {
                throw new UsageException("unexpected argument '" + argument
                        + "' for generate-event (options start with --; see --help)");
            }
        }
        if (method.isEmpty()) {
            throw new UsageException("generate-event needs the route's method first: get or post (e.g."
                    + " generate-event post --body '{...}')");
        }
        String path = in.value(PATH).isPresent()
                ? OptionValues.requestTargetPart(PATH, in.value(PATH).get())
                : "/events";
        List<String> query = new ArrayList<>();
        for (String part : in.values(QUERY)) {
            query.add(OptionValues.requestTargetPart(QUERY, part));
        }
        if (!path.startsWith("/")) {
            throw new UsageException("--path must start with '/', got '" + path + "'");
        }
        Optional<String> pathProblem = PathSegments.problem(path);
        if (pathProblem.isPresent()) {
            throw new UsageException("--path '" + path + "': " + pathProblem.get());
        }
        return new GenerateEventOptions(method.get(), path, String.join("&", query), in.value(BODY));
    }

    /** The options of {@code invoke}. */
    public InvokeOptions parseInvoke(List<String> args) throws UsageException {
        ParsedArgs in = parse(RunnerCommand.INVOKE, args);
        List<String> events = in.values(EVENT);
        if (events.isEmpty()) {
            throw new UsageException("invoke needs at least one --event FILE (or --event - for stdin)");
        }
        if (events.stream().filter("-"::equals).count() > 1) {
            throw new UsageException("--event - (stdin) can be given only once");
        }
        return new InvokeOptions(events, stores.parse(in));
    }

    /**
     * The options of {@code backfill-user-index}: the DynamoDB table and where it is, as for the store options
     * (it always works on DynamoDB, and the table must exist).
     */
    public StoreOptions parseBackfillUserIndex(List<String> args) throws UsageException {
        ParsedArgs in = parse(RunnerCommand.BACKFILL_USER_INDEX, args);
        return stores.parse(in, StoreOptions.Kind.DYNAMODB);
    }

    /** The options of {@code export}. */
    public ExportOptions parseExport(List<String> args) throws UsageException {
        ParsedArgs in = parse(RunnerCommand.EXPORT, args);
        return ExportOptions.from(
                in.value(DATE),
                in.value(FROM),
                in.value(TO),
                OptionValues.nonBlankValue(in, USER),
                OptionValues.nonBlankValue(in, OUT).map(Path::of),
                in.value(RESUME),
                stores.parse(in));
    }

    /** The options of {@code import}. */
    public ImportOptions parseImport(List<String> args) throws UsageException {
        ParsedArgs in = parse(RunnerCommand.IMPORT, args);
        return new ImportOptions(OptionValues.nonBlankValue(in, IN).map(Path::of), in.has(STRICT), stores.parse(in));
    }

    /** The options of {@code erase-user}. */
    public EraseUserOptions parseEraseUser(List<String> args) throws UsageException {
        ParsedArgs in = parse(RunnerCommand.ERASE_USER, args);
        String user = OptionValues.nonBlankValue(in, USER)
                .orElseThrow(() -> new UsageException("erase-user needs --user ID, the user whose events to delete"));
        return new EraseUserOptions(user, in.has(DRY_RUN), stores.parse(in));
    }
}
