package dev.eventlog.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * What the app reads from CDK context: the stack's name and environment, and the {@link EventLogProps} of its one
 * {@link EventLog}, each key named as the prop it sets.
 */
public record AppContext(String stackName, Optional<String> account, Optional<String> region, EventLogProps props) {

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
    public static final String DOMAIN_NAME = CustomDomainSettings.DOMAIN_NAME;
    public static final String HOSTED_ZONE_ID = CustomDomainSettings.HOSTED_ZONE_ID;
    public static final String HOSTED_ZONE_NAME = CustomDomainSettings.HOSTED_ZONE_NAME;
    public static final String DISABLE_EXECUTE_API_ENDPOINT = "disableExecuteApiEndpoint";
    public static final String REQUESTER_USER = "requesterUser";
    public static final String WRITE_SHARDS = "writeShards";
    public static final String EVENT_RETENTION_DAYS = "retentionDays";
    public static final String RESERVED_CONCURRENCY = "reservedConcurrency";
    public static final String ALARM_EMAIL = "alarmEmail";
    public static final String LATENCY_ALARM_MS = "latencyAlarmMs";
    public static final String LAMBDA_JAR = "lambdaJar";

    public static final String DEFAULT_STACK_NAME = "EventLog";
    /** The value of {@value #RESERVED_CONCURRENCY} that reserves no concurrency. */
    public static final String NO_RESERVED_CONCURRENCY = "none";

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

    // CloudFormation's rule for stack names, within the length the stack's name may have as the EventLog's name.
    private static final Pattern STACK_NAME_PATTERN =
            Pattern.compile("[A-Za-z][A-Za-z0-9-]{0," + (EventLogSettings.MAX_NAME_LENGTH - 1) + "}");
    private static final Pattern ACCOUNT_PATTERN = Pattern.compile("\\d{12}");
    private static final Pattern REGION_PATTERN = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Map<String, CorsHttpMethod> CORS_METHODS = Map.of(
            "GET", CorsHttpMethod.GET,
            "POST", CorsHttpMethod.POST,
            "PUT", CorsHttpMethod.PUT,
            "PATCH", CorsHttpMethod.PATCH,
            "DELETE", CorsHttpMethod.DELETE,
            "HEAD", CorsHttpMethod.HEAD,
            "OPTIONS", CorsHttpMethod.OPTIONS,
            "*", CorsHttpMethod.ANY);

    /**
     * Reads the app's whole CDK context and checks it with the rules of the props.
     *
     * @param context every context value, including the CDK's own feature flags
     * @throws InvalidConfigurationException naming every bad or inconsistent value, and keys that look like a
     *     misspelt key of this app (which would otherwise be silently ignored)
     */
    public static AppContext fromContext(Map<String, ?> context) {
        Problems problems = new Problems();
        for (String key : new TreeSet<>(context.keySet())) {
            if (!KEYS.contains(key)) {
                KEYS.stream()
                        .filter(known -> normalized(known).equals(normalized(key)))
                        .findFirst()
                        .ifPresent(known -> problems.add(
                                "'" + key + "' is not a context key of this app; did you mean '" + known + "'?"));
            }
        }
        ContextReader reader = new ContextReader(context::get, problems);

        String stackName = Optional.ofNullable(reader.string(STACK_NAME)).orElse(DEFAULT_STACK_NAME);
        boolean validStackName = STACK_NAME_PATTERN.matcher(stackName).matches();
        if (!validStackName) {
            reader.problem(
                    STACK_NAME,
                    "must start with a letter and hold at most " + EventLogSettings.MAX_NAME_LENGTH
                            + " letters, digits and '-', got '" + stackName + "'");
        }
        Optional<String> account = Optional.ofNullable(reader.string(ACCOUNT));
        account.filter(a -> !ACCOUNT_PATTERN.matcher(a).matches())
                .ifPresent(a -> reader.problem(ACCOUNT, "must be a 12-digit AWS account id, got '" + a + "'"));
        Optional<String> region = Optional.ofNullable(reader.string(REGION));
        region.filter(r -> !REGION_PATTERN.matcher(r).matches())
                .ifPresent(r -> reader.problem(REGION, "must be an AWS region such as eu-west-1, got '" + r + "'"));

        EventLogProps.Builder props = EventLogProps.builder()
                // The stack's name also names the API, alarms and dashboard, as it always has.
                .name(validStackName ? stackName : null)
                .tableName(reader.string(TABLE_NAME))
                .billingMode(billingMode(reader))
                .readCapacity(reader.integer(READ_CAPACITY))
                .writeCapacity(reader.integer(WRITE_CAPACITY))
                .memorySize(reader.integer(MEMORY_SIZE))
                .architecture(Optional.ofNullable(reader.string(ARCHITECTURE))
                        .map(name -> Architecture.custom(name.toLowerCase(Locale.ROOT)))
                        .orElse(null))
                .logRetention(logRetention(reader))
                .corsAllowOrigins(reader.list(CORS_ALLOW_ORIGINS))
                .corsAllowMethods(corsMethods(reader))
                .corsAllowHeaders(reader.list(CORS_ALLOW_HEADERS))
                .throttleRateLimit(reader.integer(THROTTLE_RATE_LIMIT))
                .throttleBurstLimit(reader.integer(THROTTLE_BURST_LIMIT))
                .domainName(reader.string(DOMAIN_NAME))
                .hostedZoneId(reader.string(HOSTED_ZONE_ID))
                .hostedZoneName(reader.string(HOSTED_ZONE_NAME))
                .disableExecuteApiEndpoint(reader.bool(DISABLE_EXECUTE_API_ENDPOINT))
                .requesterUser(reader.bool(REQUESTER_USER))
                .writeShards(reader.integer(WRITE_SHARDS))
                .retentionDays(reader.integer(EVENT_RETENTION_DAYS))
                .alarmEmail(reader.string(ALARM_EMAIL))
                .latencyAlarmMs(reader.integer(LATENCY_ALARM_MS))
                .lambdaJar(reader.string(LAMBDA_JAR));
        if (NO_RESERVED_CONCURRENCY.equalsIgnoreCase(String.valueOf(context.get(RESERVED_CONCURRENCY)))) {
            props.withoutReservedConcurrency();
        } else {
            props.reservedConcurrency(reader.integer(RESERVED_CONCURRENCY));
        }
        EventLogProps built = props.build();

        EventLogSettings.resolve(built, DEFAULT_STACK_NAME, problems);
        problems.throwIfAny("Invalid CDK context");
        return new AppContext(stackName, account, region, built);
    }

    private static String normalized(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static BillingMode billingMode(ContextReader reader) {
        String mode = reader.string(BILLING_MODE);
        if (mode == null) {
            return null;
        }
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "on-demand":
            case "pay-per-request":
                return BillingMode.PAY_PER_REQUEST;
            case "provisioned":
                return BillingMode.PROVISIONED;
            default:
                reader.problem(BILLING_MODE, "must be 'on-demand' or 'provisioned', got '" + mode + "'");
                return null;
        }
    }

    private static RetentionDays logRetention(ContextReader reader) {
        Integer days = reader.integer(LOG_RETENTION_DAYS);
        if (days == null) {
            return null;
        }
        RetentionDays retention = EventLogSettings.LOG_RETENTION_PERIODS.get(days);
        if (retention == null) {
            reader.problem(
                    LOG_RETENTION_DAYS,
                    "must be one of the periods CloudWatch Logs accepts "
                            + new TreeSet<>(EventLogSettings.LOG_RETENTION_PERIODS.keySet()) + ", got " + days);
        }
        return retention;
    }

    private static List<CorsHttpMethod> corsMethods(ContextReader reader) {
        List<String> names = reader.list(CORS_ALLOW_METHODS);
        if (names == null) {
            return null;
        }
        List<CorsHttpMethod> methods = new ArrayList<>();
        boolean valid = true;
        for (String name : names) {
            CorsHttpMethod method = CORS_METHODS.get(name.toUpperCase(Locale.ROOT));
            if (method == null) {
                reader.problem(
                        CORS_ALLOW_METHODS,
                        "holds '" + name + "', which is not one of " + new TreeSet<>(CORS_METHODS.keySet()));
                valid = false;
            } else {
                methods.add(method);
            }
        }
        return valid ? methods : null;
    }
}
