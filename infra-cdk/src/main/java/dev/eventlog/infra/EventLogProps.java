package dev.eventlog.infra;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The props of an {@link EventLog}: every value is optional and has the documented default. Build them with
 * {@link #builder()}; the {@code EventLog} checks them all when it is constructed and names every problem at once.
 * Long by nature, and kept in one file: each setting is a field, a builder method and a default, read side by side.
 */
public final class EventLogProps {

    public static final int DEFAULT_MEMORY_SIZE_MB = 1024;
    public static final RetentionDays DEFAULT_LOG_RETENTION = RetentionDays.ONE_MONTH;
    public static final int DEFAULT_CAPACITY_UNITS = 1;
    /** One shard is the original layout: every write of a day goes to the plain date key. */
    public static final int DEFAULT_WRITE_SHARDS = 1;
    /**
     * A tenth of Lambda's default account quota of 1000 concurrent executions. The stage's default throttling is
     * chosen from the reservation C so that requests each lasting the function's whole 20 s timeout cannot need more
     * than C: a burst of C/5 and (C - C/5)/20 requests per second, 20 and 4 for the default.
     */
    public static final int DEFAULT_RESERVED_CONCURRENCY = 100;

    public static final int DEFAULT_LATENCY_ALARM_MS = 1000;
    /** Where the reactor build leaves the function's jar, relative to {@code infra-cdk/}. */
    public static final String DEFAULT_LAMBDA_JAR = "../eventlog-lambda/target/eventlog-lambda.jar";
    /**
     * The request headers a browser client signing with SigV4 sends. Under the Fetch standard a '*' in
     * Access-Control-Allow-Headers never covers Authorization, so the wildcard would fail such a client's preflight.
     */
    public static final List<String> DEFAULT_CORS_ALLOW_HEADERS =
            List.of("authorization", "content-type", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256");

    final String name;
    final String tableName;
    final BillingMode billingMode;
    final Integer readCapacity;
    final Integer writeCapacity;
    final Integer memorySize;
    final Architecture architecture;
    final RetentionDays logRetention;
    final List<String> corsAllowOrigins;
    final List<CorsHttpMethod> corsAllowMethods;
    final List<String> corsAllowHeaders;
    final Integer throttleRateLimit;
    final Integer throttleBurstLimit;
    final String domainName;
    final String hostedZoneId;
    final String hostedZoneName;
    final Boolean disableExecuteApiEndpoint;
    final Boolean requesterUser;
    final Integer writeShards;
    final Integer retentionDays;
    /** Null: the default; empty: no reservation at all. */
    final Optional<Integer> reservedConcurrency;

    final String alarmEmail;
    final Integer latencyAlarmMs;
    final String lambdaJar;

    private EventLogProps(Builder b) {
        this.name = b.name;
        this.tableName = b.tableName;
        this.billingMode = b.billingMode;
        this.readCapacity = b.readCapacity;
        this.writeCapacity = b.writeCapacity;
        this.memorySize = b.memorySize;
        this.architecture = b.architecture;
        this.logRetention = b.logRetention;
        this.corsAllowOrigins = b.corsAllowOrigins == null ? null : List.copyOf(b.corsAllowOrigins);
        this.corsAllowMethods = b.corsAllowMethods == null ? null : List.copyOf(b.corsAllowMethods);
        this.corsAllowHeaders = b.corsAllowHeaders == null ? null : List.copyOf(b.corsAllowHeaders);
        this.throttleRateLimit = b.throttleRateLimit;
        this.throttleBurstLimit = b.throttleBurstLimit;
        this.domainName = b.domainName;
        this.hostedZoneId = b.hostedZoneId;
        this.hostedZoneName = b.hostedZoneName;
        this.disableExecuteApiEndpoint = b.disableExecuteApiEndpoint;
        this.requesterUser = b.requesterUser;
        this.writeShards = b.writeShards;
        this.retentionDays = b.retentionDays;
        this.reservedConcurrency = b.reservedConcurrency;
        this.alarmEmail = b.alarmEmail;
        this.latencyAlarmMs = b.latencyAlarmMs;
        this.lambdaJar = b.lambdaJar;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EventLogProps}; a value left unset takes its default. */
    public static final class Builder {

        private String name;
        private String tableName;
        private BillingMode billingMode;
        private Integer readCapacity;
        private Integer writeCapacity;
        private Integer memorySize;
        private Architecture architecture;
        private RetentionDays logRetention;
        private List<String> corsAllowOrigins;
        private List<CorsHttpMethod> corsAllowMethods;
        private List<String> corsAllowHeaders;
        private Integer throttleRateLimit;
        private Integer throttleBurstLimit;
        private String domainName;
        private String hostedZoneId;
        private String hostedZoneName;
        private Boolean disableExecuteApiEndpoint;
        private Boolean requesterUser;
        private Integer writeShards;
        private Integer retentionDays;
        private Optional<Integer> reservedConcurrency;
        private String alarmEmail;
        private Integer latencyAlarmMs;
        private String lambdaJar;

        private Builder() {}

        /**
         * Names the HTTP API, the alarms ({@code <name>-FunctionErrors}, ...), the dashboard ({@code <name>-<region>})
         * and the operators' policy ({@code <name>Operators-<region>}): 1-100 letters, digits, '-' and '_'. Default: the
         * stack's name and the construct's id, joined by '-'.
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The DynamoDB table's name. Default: generated by CloudFormation. */
        public Builder tableName(String tableName) {
            this.tableName = tableName;
            return this;
        }

        /** {@code PAY_PER_REQUEST} (on-demand, the default) or {@code PROVISIONED}. */
        public Builder billingMode(BillingMode billingMode) {
            this.billingMode = billingMode;
            return this;
        }

        /** Read capacity units of the table and its index, 1-40000; only with provisioned billing. Default 1. */
        public Builder readCapacity(Integer readCapacity) {
            this.readCapacity = readCapacity;
            return this;
        }

        /** Write capacity units of the table and its index, 1-40000; only with provisioned billing. Default 1. */
        public Builder writeCapacity(Integer writeCapacity) {
            this.writeCapacity = writeCapacity;
            return this;
        }

        /** The function's memory in MB, 128-10240. Default 1024. */
        public Builder memorySize(Integer memorySize) {
            this.memorySize = memorySize;
            return this;
        }

        /** {@code ARM_64} (the default) or {@code X86_64}. */
        public Builder architecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        /** Retention of the function's log and the access log; a finite period. Default one month. */
        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        /** CORS origins. Default {@code *}. */
        public Builder corsAllowOrigins(List<String> corsAllowOrigins) {
            this.corsAllowOrigins = corsAllowOrigins;
            return this;
        }

        /** CORS methods. Default GET and POST. */
        public Builder corsAllowMethods(List<CorsHttpMethod> corsAllowMethods) {
            this.corsAllowMethods = corsAllowMethods;
            return this;
        }

        /** CORS request headers. Default {@link EventLogProps#DEFAULT_CORS_ALLOW_HEADERS}. */
        public Builder corsAllowHeaders(List<String> corsAllowHeaders) {
            this.corsAllowHeaders = corsAllowHeaders;
            return this;
        }

        /**
         * Steady requests per second of the stage, 1-10000. Default: chosen with the reserved concurrency (see
         * {@link EventLogProps#DEFAULT_RESERVED_CONCURRENCY}), 50 without one.
         */
        public Builder throttleRateLimit(Integer throttleRateLimit) {
            this.throttleRateLimit = throttleRateLimit;
            return this;
        }

        /**
         * Burst requests of the stage, 1-5000. Default: chosen with the reserved concurrency (see
         * {@link EventLogProps#DEFAULT_RESERVED_CONCURRENCY}), 100 without one.
         */
        public Builder throttleBurstLimit(Integer throttleBurstLimit) {
            this.throttleBurstLimit = throttleBurstLimit;
            return this;
        }

        /** The API's custom domain, such as {@code events.example.com}; with both hosted zone values, or none. */
        public Builder domainName(String domainName) {
            this.domainName = domainName;
            return this;
        }

        /** The Route 53 public hosted zone holding {@link #domainName}, by id (no lookup is made). */
        public Builder hostedZoneId(String hostedZoneId) {
            this.hostedZoneId = hostedZoneId;
            return this;
        }

        /** The name of that hosted zone, such as {@code example.com}. */
        public Builder hostedZoneName(String hostedZoneName) {
            this.hostedZoneName = hostedZoneName;
            return this;
        }

        /** Turns off the execute-api endpoint so the custom domain is the only way in; only with one. Default false. */
        public Builder disableExecuteApiEndpoint(Boolean disableExecuteApiEndpoint) {
            this.disableExecuteApiEndpoint = disableExecuteApiEndpoint;
            return this;
        }

        /** Also creates an IAM user holding the requester policy. Default false. */
        public Builder requesterUser(Boolean requesterUser) {
            this.requesterUser = requesterUser;
            return this;
        }

        /** Write shards per day, 1-64, fixed when the table is first written. Default 1. */
        public Builder writeShards(Integer writeShards) {
            this.writeShards = writeShards;
            return this;
        }

        /** Keeps events this many days, 1-36500, with time to live on {@code expiresAt}. Default: for ever. */
        public Builder retentionDays(Integer retentionDays) {
            this.retentionDays = retentionDays;
            return this;
        }

        /** Reserved concurrent executions of the function, 1-100000. Default {@value EventLogProps#DEFAULT_RESERVED_CONCURRENCY}. */
        public Builder reservedConcurrency(Integer reservedConcurrency) {
            this.reservedConcurrency = reservedConcurrency == null ? null : Optional.of(reservedConcurrency);
            return this;
        }

        /**
         * Reserves no concurrency: for accounts whose quota leaves no room for a reservation (Lambda keeps 100
         * executions unreserved). The stage's default throttling is then 50 requests per second, burst 100.
         */
        public Builder withoutReservedConcurrency() {
            this.reservedConcurrency = Optional.empty();
            return this;
        }

        /** One e-mail address the alarms notify through an encrypted SNS topic. Default: no topic. */
        public Builder alarmEmail(String alarmEmail) {
            this.alarmEmail = alarmEmail;
            return this;
        }

        /** Threshold of the API p99 latency alarm, 1-30000 ms. Default 1000. */
        public Builder latencyAlarmMs(Integer latencyAlarmMs) {
            this.latencyAlarmMs = latencyAlarmMs;
            return this;
        }

        /**
         * The function's code: the shaded {@code eventlog-lambda.jar}, relative to the CDK app's working directory.
         * Default {@value EventLogProps#DEFAULT_LAMBDA_JAR}.
         */
        public Builder lambdaJar(String lambdaJar) {
            this.lambdaJar = lambdaJar;
            return this;
        }

        public EventLogProps build() {
            return new EventLogProps(this);
        }
    }
}
