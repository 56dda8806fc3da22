package dev.eventlog.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * An {@link EventLog}'s props with every default applied, after the one set of rules that both the props and the
 * app's context keys go through (the keys are named as the props, so each problem names both).
 */
record EventLogSettings(
        String name,
        Optional<String> tableName,
        TableBilling billing,
        int memorySizeMb,
        Architecture architecture,
        RetentionDays logRetention,
        CorsSettings cors,
        StageThrottle throttle,
        Optional<CustomDomainSettings> customDomain,
        boolean disableExecuteApiEndpoint,
        boolean requesterUser,
        int writeShards,
        Optional<Integer> retentionDays,
        Optional<Integer> reservedConcurrency,
        Optional<String> alarmEmail,
        int latencyAlarmMs,
        Path lambdaJar) {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_WRITE_SHARDS = 64;
    // API Gateway ends every integration after 30 s, so a p99 threshold above that could never be crossed.
    static final int MAX_LATENCY_ALARM_MS = 30_000;
    // A century: anything longer is far more likely a value in the wrong unit than a retention period.
    static final int MAX_EVENT_RETENTION_DAYS = 36_500;
    // An account's concurrency quota is only known at deploy time; this bound only catches typing slips.
    static final int MAX_RESERVED_CONCURRENCY = 100_000;

    /** The retention periods CloudWatch Logs accepts, in days; never-expiring logs are not offered. */
    static final Map<Integer, RetentionDays> LOG_RETENTION_PERIODS = Map.ofEntries(
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

    // Letters, digits, '-' and '_': what a CloudWatch dashboard name allows, and a part of an IAM policy name.
    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_NAME_LENGTH + "}");
    // DynamoDB's own rule for table names.
    private static final Pattern TABLE_NAME_PATTERN = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    // Deliberately plain: SNS sends a confirmation mail, which is the real test of the address.
    private static final Pattern EMAIL_PATTERN =
            Pattern.compile("[^@\\s,;\"'<>]{1,64}@[^@\\s,;\"'<>]+\\.[A-Za-z]{2,63}");
    private static final List<String> ARCHITECTURES =
            List.of(Architecture.ARM_64.getName(), Architecture.X86_64.getName());

    /**
     * Applies the defaults and the rules; a bad value is added to {@code problems} and replaced by its default, so
     * that every other value is still checked.
     *
     * @param defaultName the name when the props give none
     */
    static EventLogSettings resolve(EventLogProps props, String defaultName, Problems problems) {
        Rules rules = new Rules(problems);
        // The default is checked too: a construct id may hold characters that no dashboard name may.
        String name = props.name == null ? defaultName : props.name;
        rules.holds(
                "name",
                NAME_PATTERN.matcher(name).matches(),
                "must be 1-" + MAX_NAME_LENGTH + " letters, digits, '-' and '_', got '" + name + "'"
                        + (props.name == null
                                ? " (the stack's name and the construct's id); give one in the props"
                                : ""));
        Optional<String> tableName = Optional.ofNullable(props.tableName)
                .filter(n -> rules.holds(
                        "tableName",
                        TABLE_NAME_PATTERN.matcher(n).matches(),
                        "must be 3-255 characters of letters, digits, '_', '-' and '.', got '" + n + "'"));

        int memory = rules.range("memorySize", props.memorySize, EventLogProps.DEFAULT_MEMORY_SIZE_MB, 128, 10240);
        Architecture architecture = rules.check(
                "architecture",
                props.architecture,
                Architecture.ARM_64,
                a -> ARCHITECTURES.contains(a.getName()),
                a -> "must be 'arm64' or 'x86_64', got '" + a.getName() + "'");
        RetentionDays logRetention = rules.check(
                "logRetention",
                props.logRetention,
                EventLogProps.DEFAULT_LOG_RETENTION,
                LOG_RETENTION_PERIODS::containsValue,
                r -> "must be one of the periods CloudWatch Logs accepts "
                        + new TreeSet<>(LOG_RETENTION_PERIODS.keySet()) + " days, got " + r);

        CorsSettings cors = new CorsSettings(
                rules.list("corsAllowOrigins", props.corsAllowOrigins, List.of("*")),
                rules.list(
                        "corsAllowMethods", props.corsAllowMethods, List.of(CorsHttpMethod.GET, CorsHttpMethod.POST)),
                rules.list("corsAllowHeaders", props.corsAllowHeaders, EventLogProps.DEFAULT_CORS_ALLOW_HEADERS));

        Optional<Integer> reservedConcurrency = props.reservedConcurrency == null
                ? Optional.of(EventLogProps.DEFAULT_RESERVED_CONCURRENCY)
                : props.reservedConcurrency.map(c -> rules.range(
                        "reservedConcurrency",
                        c,
                        EventLogProps.DEFAULT_RESERVED_CONCURRENCY,
                        1,
                        MAX_RESERVED_CONCURRENCY));
        StageThrottle chosen =
                reservedConcurrency.map(StageThrottle::forConcurrency).orElse(StageThrottle.WITHOUT_RESERVATION);
        StageThrottle throttle = new StageThrottle(
                props.throttleRateLimit == null
                        ? chosen.rateLimit()
                        : rules.range(
                                "throttleRateLimit", props.throttleRateLimit, (int) chosen.rateLimit(), 1, 10_000),
                rules.range("throttleBurstLimit", props.throttleBurstLimit, chosen.burstLimit(), 1, 5_000));

        Optional<CustomDomainSettings> domain =
                CustomDomainSettings.resolve(props.domainName, props.hostedZoneId, props.hostedZoneName, problems);
        boolean disableExecuteApiEndpoint = Boolean.TRUE.equals(props.disableExecuteApiEndpoint);
        boolean anyDomainValue = props.domainName != null || props.hostedZoneId != null || props.hostedZoneName != null;
        // Without a custom domain the execute-api endpoint is the only way in; disabling it would lock everyone out.
        rules.holds(
                "disableExecuteApiEndpoint",
                !disableExecuteApiEndpoint || anyDomainValue,
                "only applies with a custom domain ('domainName', 'hostedZoneId' "
                        + "and 'hostedZoneName'); without one the API could not be reached at all");

        return new EventLogSettings(
                name,
                tableName,
                billing(props, rules),
                memory,
                architecture,
                logRetention,
                cors,
                throttle,
                domain,
                disableExecuteApiEndpoint,
                Boolean.TRUE.equals(props.requesterUser),
                rules.range("writeShards", props.writeShards, EventLogProps.DEFAULT_WRITE_SHARDS, 1, MAX_WRITE_SHARDS),
                Optional.ofNullable(props.retentionDays)
                        .map(days -> rules.range("retentionDays", days, null, 1, MAX_EVENT_RETENTION_DAYS)),
                reservedConcurrency,
                Optional.ofNullable(props.alarmEmail)
                        .filter(e -> rules.holds(
                                "alarmEmail",
                                EMAIL_PATTERN.matcher(e).matches(),
                                "must be one e-mail address such as ops@example.com, got '" + e + "'")),
                rules.range(
                        "latencyAlarmMs",
                        props.latencyAlarmMs,
                        EventLogProps.DEFAULT_LATENCY_ALARM_MS,
                        1,
                        MAX_LATENCY_ALARM_MS),
                lambdaJar(props, rules));
    }

    private static TableBilling billing(EventLogProps props, Rules rules) {
        if (props.billingMode != BillingMode.PROVISIONED) {
            rules.holds(
                    "readCapacity",
                    props.readCapacity == null,
                    "only applies with billingMode=provisioned; the table is on-demand");
            rules.holds(
                    "writeCapacity",
                    props.writeCapacity == null,
                    "only applies with billingMode=provisioned; the table is on-demand");
            return TableBilling.onDemand();
        }
        return TableBilling.provisioned(
                rules.range("readCapacity", props.readCapacity, EventLogProps.DEFAULT_CAPACITY_UNITS, 1, 40_000),
                rules.range("writeCapacity", props.writeCapacity, EventLogProps.DEFAULT_CAPACITY_UNITS, 1, 40_000));
    }

    private static Path lambdaJar(EventLogProps props, Rules rules) {
        Path jar = Path.of(props.lambdaJar == null ? EventLogProps.DEFAULT_LAMBDA_JAR : props.lambdaJar);
        rules.holds(
                "lambdaJar",
                Files.isRegularFile(jar),
                "points to " + jar.toAbsolutePath().normalize()
                        + ", which does not exist; build it first with 'mvn -B package -DskipTests' at the repository root");
        return jar;
    }

    /** The checks every value goes through; each failed one is a problem naming the value. */
    private record Rules(Problems problems) {

        /** True when the condition holds; else records the problem. */
        boolean holds(String name, boolean condition, String message) {
            if (!condition) {
                problems.add(name, message);
            }
            return condition;
        }

        <T> T check(String name, T value, T defaultValue, Predicate<T> valid, Function<T, String> message) {
            if (value == null) {
                return defaultValue;
            }
            return holds(name, valid.test(value), message.apply(value)) ? value : defaultValue;
        }

        Integer range(String name, Integer value, Integer defaultValue, int min, int max) {
            return check(
                    name,
                    value,
                    defaultValue,
                    v -> v >= min && v <= max,
                    v -> "must be between " + min + " and " + max + ", got " + v);
        }

        <T> List<T> list(String name, List<T> value, List<T> defaultValue) {
            return check(
                    name,
                    value,
                    defaultValue,
                    v -> !v.isEmpty()
                            && v.stream()
                                    .noneMatch(item ->
                                            item == null || String.valueOf(item).isBlank()),
                    v -> "must be a non-empty list of non-empty values, got " + v);
        }
    }
}
