package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.logs.RetentionDays;

class EventLogConfigTest {

    private static EventLogConfig config(Map<String, Object> context) {
        return EventLogConfig.fromContext(context);
    }

    private static InvalidContextException rejected(Map<String, Object> context) {
        return assertThrows(InvalidContextException.class, () -> config(context));
    }

    @Test
    void emptyContext_givesTheDocumentedDefaults() {
        EventLogConfig config = config(Map.of());
        assertEquals("EventLog", config.stackName());
        assertEquals(Optional.empty(), config.account());
        assertEquals(Optional.empty(), config.region());
        assertEquals(Optional.empty(), config.tableName());
        assertEquals(TableBilling.onDemand(), config.billing());
        assertEquals(1024, config.memorySizeMb());
        assertEquals(Architecture.ARM_64.getName(), config.architecture().getName());
        assertEquals(RetentionDays.ONE_MONTH, config.logRetention());
        assertEquals(
                new CorsSettings(
                        List.of("*"),
                        List.of("GET", "POST"),
                        List.of(
                                "authorization",
                                "content-type",
                                "x-amz-date",
                                "x-amz-security-token",
                                "x-amz-content-sha256")),
                config.cors());
        assertEquals(50, config.throttleRateLimit());
        assertEquals(100, config.throttleBurstLimit());
        assertEquals(Optional.empty(), config.customDomain());
        assertFalse(config.requesterUser());
        assertFalse(config.disableExecuteApiEndpoint());
        assertEquals(1, config.writeShards());
        assertEquals(Optional.empty(), config.retentionDays());
        assertEquals(Optional.empty(), config.reservedConcurrency());
        assertEquals(Optional.empty(), config.alarmEmail());
        assertEquals(1000, config.latencyAlarmMs());
        assertEquals(EventLogConfig.DEFAULT_LAMBDA_JAR, config.lambdaJar().toString());
    }

    @Test
    void operationsKeys_whenGiven_areRead() {
        EventLogConfig config = config(Map.of(
                EventLogConfig.WRITE_SHARDS, 64,
                EventLogConfig.EVENT_RETENTION_DAYS, "365",
                EventLogConfig.RESERVED_CONCURRENCY, "50",
                EventLogConfig.ALARM_EMAIL, "ops@example.com",
                EventLogConfig.LATENCY_ALARM_MS, 2500));
        assertEquals(64, config.writeShards());
        assertEquals(Optional.of(365), config.retentionDays());
        assertEquals(Optional.of(50), config.reservedConcurrency());
        assertEquals(Optional.of("ops@example.com"), config.alarmEmail());
        assertEquals(2500, config.latencyAlarmMs());
    }

    @Test
    void badOperationsKeys_areAllReportedTogether() {
        InvalidContextException e = rejected(Map.of(
                EventLogConfig.WRITE_SHARDS, "65",
                EventLogConfig.EVENT_RETENTION_DAYS, "0",
                EventLogConfig.RESERVED_CONCURRENCY, "some",
                EventLogConfig.ALARM_EMAIL, "ops@example.com,dev@example.com",
                EventLogConfig.LATENCY_ALARM_MS, "30001"));
        assertEquals(
                List.of(
                        "'writeShards' must be between 1 and 64, got 65",
                        "'retentionDays' must be between 1 and 36500, got 0",
                        "'reservedConcurrency' must be a whole number, got 'some'",
                        "'alarmEmail' must be one e-mail address such as ops@example.com, got 'ops@example.com,dev@example.com'",
                        "'latencyAlarmMs' must be between 1 and 30000, got 30001"),
                e.problems());
    }

    @Test
    void writeShards_ofZeroOrAFraction_isRejected() {
        assertEquals(
                List.of("'writeShards' must be between 1 and 64, got 0"),
                rejected(Map.of(EventLogConfig.WRITE_SHARDS, 0)).problems());
        assertEquals(
                List.of("'writeShards' must be a whole number, got '2.5'"),
                rejected(Map.of(EventLogConfig.WRITE_SHARDS, "2.5")).problems());
    }

    @Test
    void alarmEmail_withoutDomain_isRejected() {
        InvalidContextException e = rejected(Map.of(EventLogConfig.ALARM_EMAIL, "ops"));
        assertTrue(e.getMessage().contains("'alarmEmail' must be one e-mail address"), e.getMessage());
    }

    @Test
    void disableExecuteApiEndpoint_withoutCustomDomain_isRejected_becauseNothingCouldReachTheApi() {
        InvalidContextException e = rejected(Map.of(EventLogConfig.DISABLE_EXECUTE_API_ENDPOINT, "true"));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(
                e.getMessage().contains("'disableExecuteApiEndpoint' only applies with a custom domain"),
                e.getMessage());
    }

    @Test
    void disableExecuteApiEndpoint_withCustomDomain_isAccepted() {
        Map<String, Object> context = new java.util.HashMap<>(TestStacks.customDomain());
        context.put(EventLogConfig.DISABLE_EXECUTE_API_ENDPOINT, true);
        assertTrue(config(context).disableExecuteApiEndpoint());
    }

    @Test
    void jsonTypedValues_fromCdkJson_areAcceptedLikeStrings() {
        EventLogConfig config = config(Map.of(
                EventLogConfig.MEMORY_SIZE,
                512,
                EventLogConfig.REQUESTER_USER,
                true,
                EventLogConfig.CORS_ALLOW_ORIGINS,
                List.of("https://a.example", "https://b.example")));
        assertEquals(512, config.memorySizeMb());
        assertTrue(config.requesterUser());
        assertEquals(
                List.of("https://a.example", "https://b.example"), config.cors().allowOrigins());
    }

    @Test
    void customDomain_withAllThreeValues_isConfigured_andTrailingDotOfZoneIsIgnored() {
        EventLogConfig config = config(Map.of(
                EventLogConfig.DOMAIN_NAME, "Events.Example.com",
                EventLogConfig.HOSTED_ZONE_ID, TestStacks.HOSTED_ZONE_ID,
                EventLogConfig.HOSTED_ZONE_NAME, "example.com."));
        assertEquals(
                Optional.of(new CustomDomainSettings("events.example.com", TestStacks.HOSTED_ZONE_ID, "example.com")),
                config.customDomain());
    }

    @Test
    void customDomain_withOnlySomeValues_isRejected_namingTheMissingOnes() {
        InvalidContextException e = rejected(Map.of(EventLogConfig.DOMAIN_NAME, "events.example.com"));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().contains("'hostedZoneId', 'hostedZoneName'"), e.getMessage());
        assertTrue(e.getMessage().contains("all of 'domainName', 'hostedZoneId' and 'hostedZoneName' (or none)"));
    }

    @Test
    void customDomain_outsideItsHostedZone_isRejected() {
        InvalidContextException e = rejected(Map.of(
                EventLogConfig.DOMAIN_NAME, "events.example.org",
                EventLogConfig.HOSTED_ZONE_ID, TestStacks.HOSTED_ZONE_ID,
                EventLogConfig.HOSTED_ZONE_NAME, "example.com"));
        assertTrue(
                e.getMessage().contains("'domainName' 'events.example.org' must lie inside the hosted zone"),
                e.getMessage());
    }

    @Test
    void customDomain_withMalformedZoneId_isRejected() {
        InvalidContextException e = rejected(Map.of(
                EventLogConfig.DOMAIN_NAME, "events.example.com",
                EventLogConfig.HOSTED_ZONE_ID, "not-a-zone",
                EventLogConfig.HOSTED_ZONE_NAME, "example.com"));
        assertTrue(e.getMessage().contains("'hostedZoneId' must be a Route 53 hosted zone id"), e.getMessage());
    }

    @Test
    void unknownBillingMode_isRejected() {
        InvalidContextException e = rejected(Map.of(EventLogConfig.BILLING_MODE, "cheap"));
        assertEquals(List.of("'billingMode' must be 'on-demand' or 'provisioned', got 'cheap'"), e.problems());
    }

    @Test
    void capacity_withOnDemandBilling_isRejected_ratherThanIgnored() {
        InvalidContextException e = rejected(Map.of(EventLogConfig.READ_CAPACITY, "5"));
        assertEquals(
                List.of("'readCapacity' only applies with billingMode=provisioned; the table is on-demand"),
                e.problems());
    }

    @Test
    void nonNumericOrOutOfRangeNumbers_areRejected() {
        InvalidContextException e = rejected(Map.of(
                EventLogConfig.MEMORY_SIZE, "lots",
                EventLogConfig.THROTTLE_RATE_LIMIT, "0",
                EventLogConfig.BILLING_MODE, "provisioned",
                EventLogConfig.WRITE_CAPACITY, "1.5"));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("'memorySize' must be a whole number, got 'lots'"));
        assertTrue(e.getMessage().contains("'throttleRateLimit' must be between 1 and 10000, got 0"));
        assertTrue(e.getMessage().contains("'writeCapacity' must be a whole number, got '1.5'"));
    }

    @Test
    void retentionThatCloudWatchDoesNotOffer_isRejected() {
        InvalidContextException e = rejected(Map.of(EventLogConfig.LOG_RETENTION_DAYS, 10));
        assertTrue(e.getMessage().contains("'logRetentionDays' must be one of the periods CloudWatch Logs accepts"));
    }

    @Test
    void badBooleanArchitectureAndCorsMethod_areAllReportedTogether() {
        InvalidContextException e = rejected(Map.of(
                EventLogConfig.REQUESTER_USER, "yes",
                EventLogConfig.ARCHITECTURE, "sparc",
                EventLogConfig.CORS_ALLOW_METHODS, "GET,FETCH"));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid CDK context:"));
        assertTrue(e.getMessage().contains("'requesterUser' must be true or false, got 'yes'"));
        assertTrue(e.getMessage().contains("'architecture' must be 'arm64' or 'x86_64', got 'sparc'"));
        assertTrue(e.getMessage().contains("'corsAllowMethods' holds 'FETCH'"));
    }

    @Test
    void emptyListItemsAndBadNames_areRejected() {
        InvalidContextException e = rejected(Map.of(
                EventLogConfig.CORS_ALLOW_ORIGINS, "https://a.example,,",
                EventLogConfig.TABLE_NAME, "x",
                EventLogConfig.STACK_NAME, "1-stack",
                EventLogConfig.ACCOUNT, "12345",
                EventLogConfig.REGION, "moon"));
        assertEquals(5, e.problems().size(), e.getMessage());
    }

    @Test
    void misspeltKey_isRejected_namingTheKeyItResembles() {
        InvalidContextException e = rejected(Map.of("billingmode", "provisioned", "read-capacity", "5"));
        assertEquals(
                List.of(
                        "'billingmode' is not a context key of this app; did you mean 'billingMode'?",
                        "'read-capacity' is not a context key of this app; did you mean 'readCapacity'?"),
                e.problems());
    }

    @Test
    void otherContext_suchAsCdkFeatureFlags_isLeftAlone() {
        EventLogConfig config = config(Map.of(
                "@aws-cdk/aws-lambda:recognizeLayerVersion", true,
                "aws:cdk:enable-path-metadata", true,
                "acknowledged-issue-numbers", List.of(12345)));
        assertEquals("EventLog", config.stackName());
    }

    @Test
    void missingLambdaJar_failsWithTheBuildCommand() {
        InvalidContextException e = assertThrows(
                InvalidContextException.class,
                () -> TestStacks.stack(Map.of(EventLogConfig.LAMBDA_JAR, "no/such/eventlog-lambda.jar")));
        assertTrue(e.getMessage().contains("'lambdaJar' points to"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B package -DskipTests"), e.getMessage());
    }

    @Test
    void misspeltKeyOnTheApp_failsTheBuild() {
        InvalidContextException e = assertThrows(
                InvalidContextException.class, () -> TestStacks.stack(Map.of("domainname", "events.example.com")));
        assertTrue(e.getMessage().contains("did you mean 'domainName'?"), e.getMessage());
    }

    @Test
    void badContext_failsBeforeAnyResourceIsBuilt() {
        InvalidContextException e = assertThrows(
                InvalidContextException.class,
                () -> TestStacks.stack(Map.of(EventLogConfig.HOSTED_ZONE_NAME, "example.com")));
        assertTrue(e.getMessage().contains("missing 'domainName', 'hostedZoneId'"), e.getMessage());
    }
}
