package dev.eventlog.local;

import static dev.eventlog.local.RunnerOption.*;

import dev.eventlog.core.retention.RetentionPolicy;
import dev.eventlog.dynamodb.StoreCallTimeouts;
import dev.eventlog.local.auth.IamCredentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Turns each command's options, read against the option table ({@link RunnerOption}), into what the command was
 * told; any unknown option, missing or bad value becomes a {@link UsageException} with a one-line message.
 */
public final class CommandLineParser {

    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-\\d+|local");
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private final Map<String, String> environment;

    /**
     * @param environment where {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code HOME} and friends are looked
     *     up
     */
    public CommandLineParser(Map<String, String> environment) {
        this.environment = environment;
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
        String host = nonBlank(HOST, in.value(HOST).orElse("127.0.0.1"));
        int port = in.value(PORT).isPresent() ? intIn(PORT, in.value(PORT).get(), 0, 65535) : 3000;
        Optional<Path> accessLog = in.value(ACCESS_LOG).map(value -> Path.of(value));
        if (accessLog.isPresent()) {
            nonBlank(ACCESS_LOG, in.value(ACCESS_LOG).get());
        }
        Optional<List<String>> origins = in.value(CORS_ALLOW_ORIGINS).isPresent()
                ? Optional.of(
                        list(CORS_ALLOW_ORIGINS, in.value(CORS_ALLOW_ORIGINS).get()))
                : Optional.empty();
        List<String> allowedHosts = in.value(ALLOWED_HOSTS).isPresent()
                ? HostCheck.parseNames(
                        list(ALLOWED_HOSTS, in.value(ALLOWED_HOSTS).get()))
                : List.of();
        List<String> methods = in.value(CORS_ALLOW_METHODS).isPresent()
                ? methods(CORS_ALLOW_METHODS, in.value(CORS_ALLOW_METHODS).get())
                : List.of("GET", "POST");
        List<String> headers = in.value(CORS_ALLOW_HEADERS).isPresent()
                ? list(CORS_ALLOW_HEADERS, in.value(CORS_ALLOW_HEADERS).get())
                : List.of("*");
        List<String> expose = in.value(CORS_EXPOSE_HEADERS).isPresent()
                ? list(CORS_EXPOSE_HEADERS, in.value(CORS_EXPOSE_HEADERS).get())
                : List.of();
        int maxAge = in.value(CORS_MAX_AGE).isPresent()
                ? intIn(CORS_MAX_AGE, in.value(CORS_MAX_AGE).get(), 0, 86400)
                : -1;
        boolean credentialsAllowed = in.has(CORS_ALLOW_CREDENTIALS);
        boolean corsOff = in.has(NO_CORS);
        boolean consoleOff = in.has(NO_CONSOLE);
        boolean iam = in.has(IAM);
        if (consoleOff && in.has(CONSOLE_PORT)) {
            throw new UsageException("--console-port cannot be combined with --no-console");
        }
        int consolePort = in.value(CONSOLE_PORT).isPresent()
                ? intIn(CONSOLE_PORT, in.value(CONSOLE_PORT).get(), 0, 65535)
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
        Optional<String> accessKey = nonBlankValue(in, IAM_ACCESS_KEY);
        Optional<String> secretKey = nonBlankValue(in, IAM_SECRET_KEY);
        Optional<Path> credentialsFile = nonBlankValue(in, IAM_CREDENTIALS_FILE).map(Path::of);
        Optional<String> profile = nonBlankValue(in, IAM_PROFILE);
        boolean iamDetails =
                accessKey.isPresent() || secretKey.isPresent() || credentialsFile.isPresent() || profile.isPresent();
        if (iamDetails && !iam) {
            throw new UsageException("IAM credentials were given without --iam; add --iam to require signatures");
        }
        StoreOptions storeOptions = store(in);
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
                ? requestTargetPart(PATH, in.value(PATH).get())
                : "/events";
        List<String> query = new ArrayList<>();
        for (String part : in.values(QUERY)) {
            query.add(requestTargetPart(QUERY, part));
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
        return new InvokeOptions(events, store(in));
    }

    /**
     * The options of {@code backfill-user-index}: the DynamoDB table and where it is, as for the store options
     * (it always works on DynamoDB, and the table must exist).
     */
    public StoreOptions parseBackfillUserIndex(List<String> args) throws UsageException {
        ParsedArgs in = parse(RunnerCommand.BACKFILL_USER_INDEX, args);
        return store(in, StoreOptions.Kind.DYNAMODB);
    }

    /** The options of {@code export}. */
    public ExportOptions parseExport(List<String> args) throws UsageException {
        ParsedArgs in = parse(RunnerCommand.EXPORT, args);
        return ExportOptions.from(
                in.value(DATE),
                in.value(FROM),
                in.value(TO),
                nonBlankValue(in, USER),
                nonBlankValue(in, OUT).map(Path::of),
                in.value(RESUME),
                store(in));
    }

    /** The options of {@code import}. */
    public ImportOptions parseImport(List<String> args) throws UsageException {
        ParsedArgs in = parse(RunnerCommand.IMPORT, args);
        return new ImportOptions(nonBlankValue(in, IN).map(Path::of), in.has(STRICT), store(in));
    }

    /** The options of {@code erase-user}. */
    public EraseUserOptions parseEraseUser(List<String> args) throws UsageException {
        ParsedArgs in = parse(RunnerCommand.ERASE_USER, args);
        String user = nonBlankValue(in, USER)
                .orElseThrow(() -> new UsageException("erase-user needs --user ID, the user whose events to delete"));
        return new EraseUserOptions(user, in.has(DRY_RUN), store(in));
    }

    private StoreOptions store(ParsedArgs in) throws UsageException {
        StoreOptions.Kind kind = StoreOptions.Kind.MEMORY;
        if (in.value(STORE).isPresent()) {
            String value = in.value(STORE).get();
            kind = switch (value) {
                case "memory" -> StoreOptions.Kind.MEMORY;
                case "dynamodb" -> StoreOptions.Kind.DYNAMODB;
                default -> throw new UsageException("--store must be 'memory' or 'dynamodb', got '" + value + "'");
            };
        }
        return store(in, kind);
    }

    private StoreOptions store(ParsedArgs in, StoreOptions.Kind kind) throws UsageException {
        Optional<String> table = in.value(TABLE);
        if (table.isPresent() && !TABLE_NAME.matcher(table.get()).matches()) {
            throw new UsageException(
                    "--table must be 3-255 letters, digits, '_', '-' or '.', got '" + table.get() + "'");
        }
        Optional<URI> endpoint = in.value(ENDPOINT_URL).isPresent()
                ? Optional.of(endpoint(in.value(ENDPOINT_URL).get()))
                : Optional.empty();
        Optional<String> region = in.value(REGION);
        if (region.isPresent() && !REGION_NAME.matcher(region.get()).matches()) {
            throw new UsageException("--region must look like 'us-east-1', got '" + region.get() + "'");
        }
        int retentionDays = 0;
        if (in.value(RETENTION_DAYS).isPresent()) {
            try {
                retentionDays = RetentionPolicy.parseDays(
                                RETENTION_DAYS.name, in.value(RETENTION_DAYS).get(), Clock.systemUTC())
                        .days();
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Optional<Integer> writeShards = in.value(WRITE_SHARDS).isPresent()
                ? Optional.of(intIn(WRITE_SHARDS, in.value(WRITE_SHARDS).get(), 1, 64))
                : Optional.empty();
        boolean createTable = in.has(CREATE_TABLE);
        Optional<Path> data = nonBlankValue(in, DATA_FILE).map(Path::of);
        if (kind == StoreOptions.Kind.MEMORY
                && (table.isPresent() || endpoint.isPresent() || createTable || writeShards.isPresent())) {
            throw new UsageException(
                    "--table, --endpoint-url, --create-table and --write-shards need --store dynamodb");
        }
        if (kind == StoreOptions.Kind.DYNAMODB && data.isPresent()) {
            throw new UsageException(
                    "--data keeps the in-memory store in a file; it cannot be combined with" + " --store dynamodb");
        }
        String resolvedRegion = region.or(() -> env("AWS_REGION"))
                .or(() -> env("AWS_DEFAULT_REGION"))
                .orElse("us-east-1");
        return new StoreOptions(
                kind,
                table.orElse(StoreOptions.DEFAULT_TABLE),
                endpoint,
                resolvedRegion,
                createTable,
                writeShards.orElse(1),
                retentionDays,
                data);
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    private static Optional<String> nonBlankValue(ParsedArgs in, RunnerOption option) throws UsageException {
        if (in.value(option).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(nonBlank(option, in.value(option).get()));
    }

    private static String nonBlank(RunnerOption option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option.name + " needs a non-empty value");
        }
        return value;
    }

    private static int intIn(RunnerOption option, String value, int min, int max) throws UsageException {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException(
                option.name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    private static List<String> list(RunnerOption option, String value) throws UsageException {
        List<String> items = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        if (items.isEmpty()) {
            throw new UsageException(option.name + " needs a comma-separated list, got '" + value + "'");
        }
        return items;
    }

    private static List<String> methods(RunnerOption option, String value) throws UsageException {
        List<String> methods = new ArrayList<>();
        for (String method : list(option, value)) {
            String upper = method.toUpperCase(Locale.ROOT);
            if (!upper.equals("*") && !upper.matches("[A-Z]+")) {
                throw new UsageException(option.name + " has a bad method '" + method + "'");
            }
            methods.add(upper);
        }
        return methods;
    }

    // As sent on the request line: printable ASCII, so anything else must come percent-encoded.
    private static String requestTargetPart(RunnerOption option, String value) throws UsageException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '#') {
                throw new UsageException(option.name + " must be as sent on the wire: percent-encode spaces, '#' and"
                        + " non-ASCII characters (e.g. %20), got '" + value + "'");
            }
        }
        return value;
    }

    private static URI endpoint(String value) throws UsageException {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException(
                "--endpoint-url must be an http(s) URL such as http://localhost:8000, got '" + value + "'");
    }
}
