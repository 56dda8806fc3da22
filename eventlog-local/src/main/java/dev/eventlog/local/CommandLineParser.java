package dev.eventlog.local;

import dev.eventlog.core.retention.RetentionPolicy;
import dev.eventlog.dynamodb.StoreCallTimeouts;
import dev.eventlog.local.auth.CredentialsFile;
import dev.eventlog.local.auth.IamCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * Parses the options of {@code serve} and {@code invoke} ({@code --name value} or {@code --name=value}); any
 * unknown option, missing or bad value becomes a {@link UsageException} with a one-line message.
 */
public final class CommandLineParser {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-\\d+|local");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private final Map<String, String> environment;

    /**
     * @param environment where {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code HOME} and friends are looked
     *     up
     */
    public CommandLineParser(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The options of {@code serve}. */
    public ServeOptions parseServe(List<String> args) throws UsageException {
        Arguments in = new Arguments(args);
        String host = "127.0.0.1";
        int port = 3000;
        Optional<Path> accessLog = Optional.empty();
        Optional<List<String>> origins = Optional.empty();
        List<String> allowedHosts = List.of();
        List<String> methods = List.of("GET", "POST");
        List<String> headers = List.of("*");
        List<String> expose = List.of();
        int maxAge = -1;
        boolean credentialsAllowed = false;
        boolean corsOff = false;
        int consolePort = ServeOptions.DEFAULT_CONSOLE_PORT;
        boolean consoleOff = false;
        boolean consolePortGiven = false;
        boolean iam = false;
        Optional<String> accessKey = Optional.empty();
        Optional<String> secretKey = Optional.empty();
        Optional<Path> credentialsFile = Optional.empty();
        Optional<String> profile = Optional.empty();
        StoreArguments store = new StoreArguments();
        while (in.hasNext()) {
            String option = in.next();
            switch (option) {
                case "--host" -> host = nonBlank(option, in.value(option));
                case "--port" -> port = intIn(option, in.value(option), 0, 65535);
                case "--access-log" -> accessLog = Optional.of(Path.of(nonBlank(option, in.value(option))));
                case "--allowed-hosts" -> allowedHosts = HostCheck.parseNames(list(option, in.value(option)));
                case "--cors-allow-origins" -> origins = Optional.of(list(option, in.value(option)));
                case "--cors-allow-methods" -> methods = methods(option, in.value(option));
                case "--cors-allow-headers" -> headers = list(option, in.value(option));
                case "--cors-expose-headers" -> expose = list(option, in.value(option));
                case "--cors-max-age" -> maxAge = intIn(option, in.value(option), 0, 86400);
                case "--cors-allow-credentials" -> credentialsAllowed = in.flag(option);
                case "--no-cors" -> corsOff = in.flag(option);
                case "--console-port" -> {
                    consolePort = intIn(option, in.value(option), 0, 65535);
                    consolePortGiven = true;
                }
                case "--no-console" -> consoleOff = in.flag(option);
                case "--iam" -> iam = in.flag(option);
                case "--iam-access-key" -> accessKey = Optional.of(nonBlank(option, in.value(option)));
                case "--iam-secret-key" -> secretKey = Optional.of(nonBlank(option, in.value(option)));
                case "--iam-credentials-file" ->
                    credentialsFile = Optional.of(Path.of(nonBlank(option, in.value(option))));
                case "--iam-profile" -> profile = Optional.of(nonBlank(option, in.value(option)));
                default -> {
                    if (!store.accept(option, in)) {
                        throw unknown(option, "serve");
                    }
                }
            }
        }
        if (consoleOff && consolePortGiven) {
            throw new UsageException("--console-port cannot be combined with --no-console");
        }
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
        boolean iamDetails =
                accessKey.isPresent() || secretKey.isPresent() || credentialsFile.isPresent() || profile.isPresent();
        if (iamDetails && !iam) {
            throw new UsageException("IAM credentials were given without --iam; add --iam to require signatures");
        }
        StoreOptions storeOptions = store.build();
        Optional<IamCredentials> credentials = iam
                ? Optional.of(iamCredentials(accessKey, secretKey, credentialsFile, profile, storeOptions.region()))
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
        Arguments in = new Arguments(args);
        Optional<String> method = Optional.empty();
        String path = "/events";
        List<String> query = new ArrayList<>();
        Optional<String> body = Optional.empty();
        while (in.hasNext()) {
            String option = in.next();
            switch (option) {
                case "--path" -> path = requestTargetPart(option, in.value(option));
                case "--query" -> query.add(requestTargetPart(option, in.value(option)));
                case "--body" -> body = Optional.of(in.value(option));
                default -> {
                    String lower = option.toLowerCase(Locale.ROOT);
                    if (method.isEmpty() && (lower.equals("get") || lower.equals("post"))) {
                        method = Optional.of(lower.toUpperCase(Locale.ROOT));
                    } else {
                        throw unknown(option, "generate-event");
                    }
                }
            }
        }
        if (method.isEmpty()) {
            throw new UsageException("generate-event needs the route's method first: get or post (e.g."
                    + " generate-event post --body '{...}')");
        }
        if (!path.startsWith("/")) {
            throw new UsageException("--path must start with '/', got '" + path + "'");
        }
        Optional<String> pathProblem = PathSegments.problem(path);
        if (pathProblem.isPresent()) {
            throw new UsageException("--path '" + path + "': " + pathProblem.get());
        }
        return new GenerateEventOptions(method.get(), path, String.join("&", query), body);
    }

    // As sent on the request line: printable ASCII, so anything else must come percent-encoded.
    private static String requestTargetPart(String option, String value) throws UsageException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '#') {
                throw new UsageException(option + " must be as sent on the wire: percent-encode spaces, '#' and"
                        + " non-ASCII characters (e.g. %20), got '" + value + "'");
            }
        }
        return value;
    }

    /** The options of {@code invoke}. */
    public InvokeOptions parseInvoke(List<String> args) throws UsageException {
        Arguments in = new Arguments(args);
        List<String> events = new ArrayList<>();
        StoreArguments store = new StoreArguments();
        while (in.hasNext()) {
            String option = in.next();
            if (option.equals("--event")) {
                events.add(in.value(option));
            } else if (!store.accept(option, in)) {
                throw unknown(option, "invoke");
            }
        }
        if (events.isEmpty()) {
            throw new UsageException("invoke needs at least one --event FILE (or --event - for stdin)");
        }
        if (events.stream().filter("-"::equals).count() > 1) {
            throw new UsageException("--event - (stdin) can be given only once");
        }
        return new InvokeOptions(events, store.build());
    }

    /**
     * The options of {@code backfill-user-index}: the DynamoDB table and where it is, as for the store options
     * (it always works on DynamoDB, and the table must exist).
     */
    public StoreOptions parseBackfillUserIndex(List<String> args) throws UsageException {
        Arguments in = new Arguments(args);
        StoreArguments store = new StoreArguments();
        store.kind = StoreOptions.Kind.DYNAMODB;
        while (in.hasNext()) {
            String option = in.next();
            boolean tableOption = List.of("--table", "--endpoint-url", "--region", "--write-shards")
                    .contains(option);
            if (!tableOption || !store.accept(option, in)) {
                throw unknown(option, "backfill-user-index");
            }
        }
        return store.build();
    }

    // The order the README gives: options, then the environment, then the [default] profile of the shared
    // credentials file, as the AWS CLI finds a key pair.
    private IamCredentials iamCredentials(
            Optional<String> accessKey,
            Optional<String> secretKey,
            Optional<Path> file,
            Optional<String> profile,
            String region)
            throws UsageException {
        if (file.isPresent() || profile.isPresent()) {
            if (accessKey.isPresent() || secretKey.isPresent()) {
                throw new UsageException(
                        "give either --iam-access-key/--iam-secret-key or --iam-credentials-file," + " not both");
            }
            Optional<Path> path = file.or(this::defaultCredentialsFile);
            if (path.isEmpty()) {
                throw new UsageException("--iam-profile needs --iam-credentials-file here: neither"
                        + " AWS_SHARED_CREDENTIALS_FILE nor HOME is set");
            }
            String name = profile.orElse("default");
            try {
                CredentialsFile.KeyPair pair = CredentialsFile.read(path.get(), name)
                        .orElseThrow(() -> new UsageException("profile '" + name + "' in " + path.get()
                                + " has no aws_access_key_id and aws_secret_access_key"));
                return new IamCredentials(pair.accessKeyId(), pair.secretAccessKey(), region);
            } catch (NoSuchFileException e) {
                throw new UsageException("cannot read credentials file " + path.get() + ": no such file");
            } catch (IOException e) {
                throw new UsageException("cannot read credentials file " + path.get() + ": " + e.getMessage());
            }
        }
        Optional<String> key = accessKey.or(() -> env("AWS_ACCESS_KEY_ID"));
        Optional<String> secret = secretKey.or(() -> env("AWS_SECRET_ACCESS_KEY"));
        if (key.isPresent() && secret.isPresent()) {
            return new IamCredentials(key.get(), secret.get(), region);
        }
        if (accessKey.isPresent() || secretKey.isPresent()) {
            throw new UsageException(
                    accessKey.isPresent()
                            ? "--iam-access-key needs its secret: set AWS_SECRET_ACCESS_KEY (or give --iam-secret-key)"
                            : "--iam-secret-key needs its key id: give --iam-access-key (or set AWS_ACCESS_KEY_ID)");
        }
        Optional<Path> path = defaultCredentialsFile();
        if (path.isPresent() && Files.isRegularFile(path.get())) {
            try {
                Optional<CredentialsFile.KeyPair> pair = CredentialsFile.read(path.get(), "default");
                if (pair.isPresent()) {
                    return new IamCredentials(
                            pair.get().accessKeyId(), pair.get().secretAccessKey(), region);
                }
            } catch (IOException e) {
                throw new UsageException("cannot read credentials file " + path.get() + ": " + e.getMessage());
            }
        }
        throw new UsageException("--iam found no key pair: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, put a"
                + " [default] profile in " + path.map(Path::toString).orElse("~/.aws/credentials")
                + ", or give --iam-credentials-file/--iam-profile (or --iam-access-key and --iam-secret-key)");
    }

    /** {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code .aws/credentials} in the home directory, as the AWS CLI. */
    private Optional<Path> defaultCredentialsFile() {
        return env("AWS_SHARED_CREDENTIALS_FILE")
                .map(Path::of)
                .or(() -> env("HOME").or(() -> env("USERPROFILE")).map(home -> Path.of(home, ".aws", "credentials")));
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    private static UsageException unknown(String option, String command) {
        return new UsageException(
                option.startsWith("-")
                        ? "unknown option '" + option + "' for " + command + " (see --help)"
                        : "unexpected argument '" + option + "' for " + command
                                + " (options start with --; see --help)");
    }

    private static String nonBlank(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option + " needs a non-empty value");
        }
        return value;
    }

    private static int intIn(String option, String value, int min, int max) throws UsageException {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException(
                option + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    private static List<String> list(String option, String value) throws UsageException {
        List<String> items = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        if (items.isEmpty()) {
            throw new UsageException(option + " needs a comma-separated list, got '" + value + "'");
        }
        return items;
    }

    private static List<String> methods(String option, String value) throws UsageException {
        List<String> methods = new ArrayList<>();
        for (String method : list(option, value)) {
            String upper = method.toUpperCase(Locale.ROOT);
            if (!upper.equals("*") && !upper.matches("[A-Z]+")) {
                throw new UsageException(option + " has a bad method '" + method + "'");
            }
            methods.add(upper);
        }
        return methods;
    }

    /** The store options shared by both commands. */
    private final class StoreArguments {
        private StoreOptions.Kind kind = StoreOptions.Kind.MEMORY;
        private Optional<String> table = Optional.empty();
        private Optional<URI> endpoint = Optional.empty();
        private Optional<String> region = Optional.empty();
        private boolean createTable;
        private int retentionDays;
        private Optional<Integer> writeShards = Optional.empty();

        boolean accept(String option, Arguments in) throws UsageException {
            switch (option) {
                case "--write-shards" -> writeShards = Optional.of(intIn(option, in.value(option), 1, 64));
                case "--store" -> {
                    String value = in.value(option);
                    kind = switch (value) {
                        case "memory" -> StoreOptions.Kind.MEMORY;
                        case "dynamodb" -> StoreOptions.Kind.DYNAMODB;
                        default ->
                            throw new UsageException("--store must be 'memory' or 'dynamodb', got '" + value + "'");
                    };
                }
                case "--table" -> {
                    String value = in.value(option);
                    if (!TABLE.matcher(value).matches()) {
                        throw new UsageException(
                                "--table must be 3-255 letters, digits, '_', '-' or '.', got '" + value + "'");
                    }
                    table = Optional.of(value);
                }
                case "--endpoint-url" -> endpoint = Optional.of(endpoint(in.value(option)));
                case "--region" -> {
                    String value = in.value(option);
                    if (!REGION.matcher(value).matches()) {
                        throw new UsageException("--region must look like 'us-east-1', got '" + value + "'");
                    }
                    region = Optional.of(value);
                }
                case "--create-table" -> createTable = in.flag(option);
                case "--retention-days" -> {
                    String value = in.value(option);
                    try {
                        retentionDays = RetentionPolicy.parseDays(option, value, Clock.systemUTC())
                                .days();
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        StoreOptions build() throws UsageException {
            if (kind == StoreOptions.Kind.MEMORY
                    && (table.isPresent() || endpoint.isPresent() || createTable || writeShards.isPresent())) {
                throw new UsageException(
                        "--table, --endpoint-url, --create-table and --write-shards need --store dynamodb");
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
                    retentionDays);
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

    /** The arguments still to read. */
    private static final class Arguments {
        private final List<String> args;
        private int next;
        private String inlineValue;

        Arguments(List<String> args) {
            this.args = args;
        }

        boolean hasNext() {
            return next < args.size();
        }

        String next() {
            String arg = args.get(next++);
            inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                inlineValue = arg.substring(eq + 1);
                return arg.substring(0, eq);
            }
            return arg;
        }

        String value(String option) throws UsageException {
            if (inlineValue != null) {
                return inlineValue;
            }
            if (next >= args.size()
                    || (args.get(next).startsWith("--") && args.get(next).length() > 2)) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(next++);
        }

        boolean flag(String option) throws UsageException {
            if (inlineValue != null) {
                throw new UsageException(option + " takes no value");
            }
            return true;
        }
    }
}
