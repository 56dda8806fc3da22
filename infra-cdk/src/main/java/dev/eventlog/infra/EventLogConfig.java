package dev.eventlog.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Everything a deployment can vary, read from CDK context with the defaults documented in the README. */
public record EventLogConfig(
        String stackName,
        Optional<String> account,
        Optional<String> region,
        Optional<String> tableName,
        TableBilling billing,
        int memorySizeMb,
        Architecture architecture,
        int logRetentionDays,
        CorsSettings cors,
        int throttleRateLimit,
        int throttleBurstLimit,
        Optional<CustomDomainSettings> customDomain,
        boolean disableExecuteApiEndpoint,
        boolean requesterUser,
        int writeShards,
        Optional<Integer> retentionDays,
        Optional<Integer> reservedConcurrency,
        Optional<String> alarmEmail,
        int latencyAlarmMs,
        Path lambdaJar) {

    public static final String STACK_NAME = "stackName";
    public static final String ACCOUNT = "account";
    public static final String REGION = "region";
    public static final String TABLE_NAME = "tableName";
    public static final String BILLING_MODE = "billingMode";
    public static final String READ_CAPACITY = "readCapacity";
    public static final String WRITE_CAPACITY = "writeCapacity";
    public static final String MEMORY_SIZE = "memorySize";
    public static final String ARCHITECTURE = "architecture";
    public static final String LOG_RETENTION_DAYS = "logRetentionDays";
    public static final String CORS_ALLOW_ORIGINS = "corsAllowOrigins";
    public static final String CORS_ALLOW_METHODS = "corsAllowMethods";
    public static final String CORS_ALLOW_HEADERS = "corsAllowHeaders";
    public static final String THROTTLE_RATE_LIMIT = "throttleRateLimit";
    public static final String THROTTLE_BURST_LIMIT = "throttleBurstLimit";
    public static final String DOMAIN_NAME = "domainName";
    public static final String HOSTED_ZONE_ID = "hostedZoneId";
    public static final String HOSTED_ZONE_NAME = "hostedZoneName";
    public static final String DISABLE_EXECUTE_API_ENDPOINT = "disableExecuteApiEndpoint";
    public static final String REQUESTER_USER = "requesterUser";
    public static final String WRITE_SHARDS = "writeShards";
    public static final String EVENT_RETENTION_DAYS = "retentionDays";
    public static final String RESERVED_CONCURRENCY = "reservedConcurrency";
    public static final String ALARM_EMAIL = "alarmEmail";
    public static final String LATENCY_ALARM_MS = "latencyAlarmMs";
    public static final String LAMBDA_JAR = "lambdaJar";

    public static final String DEFAULT_STACK_NAME = "EventLog";
    public static final String DEFAULT_LAMBDA_JAR = "../eventlog-lambda/target/eventlog-lambda.jar";
    public static final int DEFAULT_MEMORY_SIZE_MB = 1024;
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    public static final int DEFAULT_THROTTLE_RATE_LIMIT = 50;
    public static final int DEFAULT_THROTTLE_BURST_LIMIT = 100;
    public static final int DEFAULT_CAPACITY_UNITS = 1;
    /** One shard is the original layout: every write of a day goes to the plain date key. */
    public static final int DEFAULT_WRITE_SHARDS = 1;

    public static final int MAX_WRITE_SHARDS = 64;
    public static final int DEFAULT_LATENCY_ALARM_MS = 1000;
    // API Gateway ends every integration after 30 s, so a p99 threshold above that could never be crossed.
    public static final int MAX_LATENCY_ALARM_MS = 30_000;
    // A century: anything longer is far more likely a value in the wrong unit than a retention period.
    public static final int MAX_EVENT_RETENTION_DAYS = 36_500;
    // An account's concurrency quota is only known at deploy time; this bound only catches typing slips.
    public static final int MAX_RESERVED_CONCURRENCY = 100_000;
    /**
     * The request headers a browser client signing with SigV4 sends. Under the Fetch standard a '*' in
     * Access-Control-Allow-Headers never covers Authorization, so the wildcard would fail such a client's preflight.
     */
    public static final List<String> DEFAULT_CORS_ALLOW_HEADERS =
            List.of("authorization", "content-type", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256");

    /** The retention periods CloudWatch Logs accepts, in days. */
    public static final Map<Integer, RetentionDays> RETENTION_DAYS = Map.ofEntries(
            Map.entry(1, RetentionDays.ONE_DAY),
            Map.entry(3, RetentionDays.THREE_DAYS),
            Map.entry(5, RetentionDays.FIVE_DAYS),
            Map.entry(7, RetentionDays.ONE_WEEK),
            Map.entry(14, RetentionDays.TWO_WEEKS),
            Map.entry(30, RetentionDays.ONE_MONTH),
            Map.entry(60, RetentionDays.TWO_MONTHS),
            Map.entry(90, RetentionDays.THREE_MONTHS),
            Map.entry(120, RetentionDays.FOUR_MONTHS),
            Map.entry(150, RetentionDays.FIVE_MONTHS),
            Map.entry(180, RetentionDays.SIX_MONTHS),
            Map.entry(365, RetentionDays.ONE_YEAR),
            Map.entry(400, RetentionDays.THIRTEEN_MONTHS),
            Map.entry(545, RetentionDays.EIGHTEEN_MONTHS),
            Map.entry(731, RetentionDays.TWO_YEARS),
            Map.entry(1096, RetentionDays.THREE_YEARS),
            Map.entry(1827, RetentionDays.FIVE_YEARS),
            Map.entry(2192, RetentionDays.SIX_YEARS),
            Map.entry(2557, RetentionDays.SEVEN_YEARS),
            Map.entry(2922, RetentionDays.EIGHT_YEARS),
            Map.entry(3288, RetentionDays.NINE_YEARS),
            Map.entry(3653, RetentionDays.TEN_YEARS));

    private static final Set<String> CORS_METHODS =
            Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*");
    // DynamoDB's own rule for table names.
    private static final Pattern TABLE_NAME_PATTERN = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    // CloudFormation's rule for stack names.
    private static final Pattern STACK_NAME_PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");
    private static final Pattern ACCOUNT_PATTERN = Pattern.compile("\\d{12}");
    private static final Pattern REGION_PATTERN = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern HOSTED_ZONE_ID_PATTERN = Pattern.compile("Z[A-Z0-9]{1,31}");
    private static final Pattern DOMAIN_PATTERN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    // Deliberately plain: SNS sends a confirmation mail, which is the real test of the address.
    private static final Pattern EMAIL_PATTERN =
            Pattern.compile("[^@\\s,;\"'<>]{1,64}@[^@\\s,;\"'<>]+\\.[A-Za-z]{2,63}");

    /** Every context key this app reads. */
    public static final Set<String> KEYS = Set.of(
            STACK_NAME,
            ACCOUNT,
            REGION,
            TABLE_NAME,
            BILLING_MODE,
            READ_CAPACITY,
            WRITE_CAPACITY,
            MEMORY_SIZE,
            ARCHITECTURE,
            LOG_RETENTION_DAYS,
            CORS_ALLOW_ORIGINS,
            CORS_ALLOW_METHODS,
            CORS_ALLOW_HEADERS,
            THROTTLE_RATE_LIMIT,
            THROTTLE_BURST_LIMIT,
            DOMAIN_NAME,
            HOSTED_ZONE_ID,
            HOSTED_ZONE_NAME,
            DISABLE_EXECUTE_API_ENDPOINT,
            REQUESTER_USER,
            WRITE_SHARDS,
            EVENT_RETENTION_DAYS,
            RESERVED_CONCURRENCY,
            ALARM_EMAIL,
            LATENCY_ALARM_MS,
            LAMBDA_JAR);

    /**
     * Reads the configuration from the app's whole CDK context.
     *
     * @param context every context value, including the CDK's own feature flags
     * @throws InvalidContextException naming every bad or inconsistent value, and keys that look like a misspelt
     *     key of this app (which would otherwise be silently ignored)
     */
    public static EventLogConfig fromContext(Map<String, ?> context) {
        ContextReader reader = new ContextReader(context::get);
        for (String key : new TreeSet<>(context.keySet())) {
            if (KEYS.contains(key)) {
                continue;
            }
            KEYS.stream()
                    .filter(known -> normalized(known).equals(normalized(key)))
                    .findFirst()
                    .ifPresent(known -> reader.problem(
                            "'" + key + "' is not a context key of this app; did you mean '" + known + "'?"));
        }
        return read(reader);
    }

    private static String normalized(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static EventLogConfig read(ContextReader reader) {
        String stackName = reader.string(STACK_NAME, DEFAULT_STACK_NAME);
        if (!STACK_NAME_PATTERN.matcher(stackName).matches()) {
            reader.problem(
                    STACK_NAME,
                    "must start with a letter and hold only letters, digits and '-', got '" + stackName + "'");
        }
        Optional<String> account = reader.string(ACCOUNT);
        account.filter(a -> !ACCOUNT_PATTERN.matcher(a).matches())
                .ifPresent(a -> reader.problem(ACCOUNT, "must be a 12-digit AWS account id, got '" + a + "'"));
        Optional<String> region = reader.string(REGION);
        region.filter(r -> !REGION_PATTERN.matcher(r).matches())
                .ifPresent(r -> reader.problem(REGION, "must be an AWS region such as eu-west-1, got '" + r + "'"));

        Optional<String> tableName = reader.string(TABLE_NAME);
        tableName
                .filter(n -> !TABLE_NAME_PATTERN.matcher(n).matches())
                .ifPresent(n -> reader.problem(
                        TABLE_NAME, "must be 3-255 characters of letters, digits, '_', '-' and '.', got '" + n + "'"));

        TableBilling billing = billing(reader);

        int memory = reader.integer(MEMORY_SIZE, DEFAULT_MEMORY_SIZE_MB, 128, 10240);
        Architecture architecture = architecture(reader);
        int retention = reader.integer(LOG_RETENTION_DAYS, DEFAULT_LOG_RETENTION_DAYS, 1, 3653);
        if (!RETENTION_DAYS.containsKey(retention)) {
            reader.problem(
                    LOG_RETENTION_DAYS,
                    "must be one of the periods CloudWatch Logs accepts " + new TreeSet<>(RETENTION_DAYS.keySet())
                            + ", got " + retention);
            retention = DEFAULT_LOG_RETENTION_DAYS;
        }

        CorsSettings cors = cors(reader);

        int rate = reader.integer(THROTTLE_RATE_LIMIT, DEFAULT_THROTTLE_RATE_LIMIT, 1, 10_000);
        int burst = reader.integer(THROTTLE_BURST_LIMIT, DEFAULT_THROTTLE_BURST_LIMIT, 1, 5_000);

        Optional<CustomDomainSettings> domain = customDomain(reader);
        boolean disableExecuteApiEndpoint = reader.bool(DISABLE_EXECUTE_API_ENDPOINT, false);
        boolean anyDomainKey =
                List.of(DOMAIN_NAME, HOSTED_ZONE_ID, HOSTED_ZONE_NAME).stream().anyMatch(reader::isSet);
        if (disableExecuteApiEndpoint && !anyDomainKey) {
            // Without a custom domain the execute-api endpoint is the only way in; disabling it would lock everyone
            // out.
            reader.problem(
                    DISABLE_EXECUTE_API_ENDPOINT,
                    "only applies with a custom domain ('domainName', 'hostedZoneId' "
                            + "and 'hostedZoneName'); without one the API could not be reached at all");
        }
        boolean requesterUser = reader.bool(REQUESTER_USER, false);

        int writeShards = reader.integer(WRITE_SHARDS, DEFAULT_WRITE_SHARDS, 1, MAX_WRITE_SHARDS);
        Optional<Integer> eventRetention = reader.integer(EVENT_RETENTION_DAYS, 1, MAX_EVENT_RETENTION_DAYS);
        Optional<Integer> reservedConcurrency = reader.integer(RESERVED_CONCURRENCY, 1, MAX_RESERVED_CONCURRENCY);

        Optional<String> alarmEmail = reader.string(ALARM_EMAIL);
        alarmEmail
                .filter(e -> !EMAIL_PATTERN.matcher(e).matches())
                .ifPresent(e -> reader.problem(
                        ALARM_EMAIL, "must be one e-mail address such as ops@example.com, got '" + e + "'"));
        int latencyAlarmMs = reader.integer(LATENCY_ALARM_MS, DEFAULT_LATENCY_ALARM_MS, 1, MAX_LATENCY_ALARM_MS);

        Path lambdaJar = Path.of(reader.string(LAMBDA_JAR, DEFAULT_LAMBDA_JAR));

        reader.throwIfProblems();
        return new EventLogConfig(
                stackName,
                account,
                region,
                tableName,
                billing,
                memory,
                architecture,
                retention,
                cors,
                rate,
                burst,
                domain,
                disableExecuteApiEndpoint,
                requesterUser,
                writeShards,
                eventRetention,
                reservedConcurrency,
                alarmEmail,
                latencyAlarmMs,
                lambdaJar);
    }

    /** The log retention as the CDK enum. */
    public RetentionDays logRetention() {
        return RETENTION_DAYS.get(logRetentionDays);
    }

    private static TableBilling billing(ContextReader reader) {
        String mode = reader.string(BILLING_MODE, "on-demand").toLowerCase(Locale.ROOT);
        switch (mode) {
            case "on-demand":
            case "pay-per-request":
                for (String key : List.of(READ_CAPACITY, WRITE_CAPACITY)) {
                    if (reader.isSet(key)) {
                        reader.problem(key, "only applies with billingMode=provisioned; the table is on-demand");
                    }
                }
                return TableBilling.onDemand();
            case "provisioned":
                return TableBilling.provisioned(
                        reader.integer(READ_CAPACITY, DEFAULT_CAPACITY_UNITS, 1, 40_000),
                        reader.integer(WRITE_CAPACITY, DEFAULT_CAPACITY_UNITS, 1, 40_000));
            default:
                reader.problem(BILLING_MODE, "must be 'on-demand' or 'provisioned', got '" + mode + "'");
                return TableBilling.onDemand();
        }
    }

    private static Architecture architecture(ContextReader reader) {
        String name = reader.string(ARCHITECTURE, "arm64").toLowerCase(Locale.ROOT);
        switch (name) {
            case "arm64":
                return Architecture.ARM_64;
            case "x86_64":
                return Architecture.X86_64;
            default:
                reader.problem(ARCHITECTURE, "must be 'arm64' or 'x86_64', got '" + name + "'");
                return Architecture.ARM_64;
        }
    }

    private static CorsSettings cors(ContextReader reader) {
        List<String> origins = reader.list(CORS_ALLOW_ORIGINS, List.of("*"));
        List<String> methods = new ArrayList<>();
        for (String method : reader.list(CORS_ALLOW_METHODS, List.of("GET", "POST"))) {
            String upper = method.toUpperCase(Locale.ROOT);
            if (CORS_METHODS.contains(upper)) {
                methods.add(upper);
            } else {
                reader.problem(
                        CORS_ALLOW_METHODS,
                        "holds '" + method + "', which is not one of " + new TreeSet<>(CORS_METHODS));
            }
        }
        List<String> headers = reader.list(CORS_ALLOW_HEADERS, DEFAULT_CORS_ALLOW_HEADERS);
        return new CorsSettings(origins, methods, headers);
    }

    private static Optional<CustomDomainSettings> customDomain(ContextReader reader) {
        Optional<String> domain = reader.string(DOMAIN_NAME).map(d -> d.toLowerCase(Locale.ROOT));
        Optional<String> zoneId = reader.string(HOSTED_ZONE_ID);
        Optional<String> zoneName = reader.string(HOSTED_ZONE_NAME)
                .map(z -> z.toLowerCase(Locale.ROOT))
                .map(z -> z.endsWith(".") ? z.substring(0, z.length() - 1) : z);
        long given = List.of(domain, zoneId, zoneName).stream()
                .filter(Optional::isPresent)
                .count();
        if (given == 0) {
            return Optional.empty();
        }
        if (given < 3) {
            reader.problem(
                    "a custom domain needs all of 'domainName', 'hostedZoneId' and 'hostedZoneName' (or none); missing "
                            + missing(Map.of(DOMAIN_NAME, domain, HOSTED_ZONE_ID, zoneId, HOSTED_ZONE_NAME, zoneName)));
            return Optional.empty();
        }
        boolean valid = true;
        if (!DOMAIN_PATTERN.matcher(domain.get()).matches()) {
            reader.problem(
                    DOMAIN_NAME,
                    "must be a fully qualified domain name such as api.example.com, got '" + domain.get() + "'");
            valid = false;
        }
        if (!HOSTED_ZONE_ID_PATTERN.matcher(zoneId.get()).matches()) {
            reader.problem(
                    HOSTED_ZONE_ID,
                    "must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ, got '" + zoneId.get() + "'");
            valid = false;
        }
        if (!DOMAIN_PATTERN.matcher(zoneName.get()).matches()) {
            reader.problem(HOSTED_ZONE_NAME, "must be a domain name such as example.com, got '" + zoneName.get() + "'");
            valid = false;
        }
        if (valid && !domain.get().equals(zoneName.get()) && !domain.get().endsWith("." + zoneName.get())) {
            reader.problem(
                    DOMAIN_NAME,
                    "'" + domain.get() + "' must lie inside the hosted zone '" + zoneName.get()
                            + "', so that its certificate can be validated and its alias record created there");
            valid = false;
        }
        return valid
                ? Optional.of(new CustomDomainSettings(domain.get(), zoneId.get(), zoneName.get()))
                : Optional.empty();
    }

    private static String missing(Map<String, Optional<String>> values) {
        return values.entrySet().stream()
                .filter(e -> e.getValue().isEmpty())
                .map(e -> "'" + e.getKey() + "'")
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }
}
