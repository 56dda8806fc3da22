package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.logs.RetentionDays;

/** The app's context keys: read as the props of the same names, and checked by the props' own rules. */
class AppContextTest {

    private static AppContext read(Map<String, Object> context) {
        return AppContext.fromContext(TestStacks.context(context));
    }

    private static EventLogSettings settings(Map<String, Object> context) {
        return EventLogSettingsTest.settings(read(context).props());
    }

    private static List<String> problems(Map<String, Object> context) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> read(context));
        assertTrue(e.getMessage().startsWith("Invalid CDK context:\n  - "), e.getMessage());
        return e.problems();
    }

    @Test
    void noKeys_giveTheDefaultStack_namedEventLog_withTheDefaultProps() {
        AppContext context = read(Map.of());
        assertEquals("EventLog", context.stackName());
        assertEquals(Optional.empty(), context.account());
        assertEquals(Optional.empty(), context.region());
        EventLogSettings settings = settings(Map.of());
        assertEquals("EventLog", settings.name());
        assertEquals(
                EventLogSettingsTest.settings(
                        EventLogSettingsTest.props().name("EventLog").build()),
                settings);
    }

    @Test
    void eachKey_setsThePropOfItsName() {
        Map<String, Object> context = new HashMap<>(TestStacks.customDomain());
        context.putAll(Map.ofEntries(
                Map.entry(AppContext.STACK_NAME, "Staging"),
                Map.entry(AppContext.TABLE_NAME, "Events"),
                Map.entry(AppContext.BILLING_MODE, "provisioned"),
                Map.entry(AppContext.READ_CAPACITY, "5"),
                Map.entry(AppContext.WRITE_CAPACITY, 3),
                Map.entry(AppContext.MEMORY_SIZE, 512),
                Map.entry(AppContext.ARCHITECTURE, "X86_64"),
                Map.entry(AppContext.LOG_RETENTION_DAYS, "90"),
                Map.entry(AppContext.CORS_ALLOW_ORIGINS, List.of("https://a.example", "https://b.example")),
                Map.entry(AppContext.CORS_ALLOW_METHODS, "get, *"),
                Map.entry(AppContext.CORS_ALLOW_HEADERS, "authorization"),
                Map.entry(AppContext.THROTTLE_RATE_LIMIT, "3"),
                Map.entry(AppContext.THROTTLE_BURST_LIMIT, 10),
                Map.entry(AppContext.DISABLE_EXECUTE_API_ENDPOINT, true),
                Map.entry(AppContext.REQUESTER_USER, "TRUE"),
                Map.entry(AppContext.WRITE_SHARDS, 64),
                Map.entry(AppContext.EVENT_RETENTION_DAYS, "365"),
                Map.entry(AppContext.RESERVED_CONCURRENCY, "50"),
                Map.entry(AppContext.ALARM_EMAIL, "ops@example.com"),
                Map.entry(AppContext.LATENCY_ALARM_MS, 2500)));
        EventLogSettings settings = settings(context);
        assertEquals("Staging", settings.name());
        assertEquals(Optional.of("Events"), settings.tableName());
        assertEquals(TableBilling.provisioned(5, 3), settings.billing());
        assertEquals(512, settings.memorySizeMb());
        assertEquals("x86_64", settings.architecture().getName());
        assertEquals(RetentionDays.THREE_MONTHS, settings.logRetention());
        assertEquals(
                new CorsSettings(
                        List.of("https://a.example", "https://b.example"),
                        List.of(CorsHttpMethod.GET, CorsHttpMethod.ANY),
                        List.of("authorization")),
                settings.cors());
        assertEquals(new StageThrottle(3, 10), settings.throttle());
        assertEquals(
                TestStacks.DOMAIN_NAME, settings.customDomain().orElseThrow().domainName());
        assertTrue(settings.disableExecuteApiEndpoint());
        assertTrue(settings.requesterUser());
        assertEquals(64, settings.writeShards());
        assertEquals(Optional.of(365), settings.retentionDays());
        assertEquals(Optional.of(50), settings.reservedConcurrency());
        assertEquals(Optional.of("ops@example.com"), settings.alarmEmail());
        assertEquals(2500, settings.latencyAlarmMs());
    }

    @Test
    void reservedConcurrencyNone_reservesNothing() {
        assertEquals(
                Optional.empty(),
                settings(Map.of(AppContext.RESERVED_CONCURRENCY, "none")).reservedConcurrency());
    }

    @Test
    void aKeyAndItsProp_breakingTheSameRule_getTheSameProblem() {
        assertEquals(
                EventLogSettingsTest.problems(EventLogSettingsTest.props()
                        .memorySize(64)
                        .writeShards(65)
                        .alarmEmail("ops")
                        .readCapacity(5)
                        .disableExecuteApiEndpoint(true)
                        .build()),
                problems(Map.of(
                        AppContext.MEMORY_SIZE, "64",
                        AppContext.WRITE_SHARDS, 65,
                        AppContext.ALARM_EMAIL, "ops",
                        AppContext.READ_CAPACITY, "5",
                        AppContext.DISABLE_EXECUTE_API_ENDPOINT, "true")));
    }

    @Test
    void valuesOfTheWrongType_areAllReportedTogether_withTheRulesOfTheOthers() {
        assertEquals(
                List.of(
                        "'stackName' must start with a letter and hold at most 100 letters, digits and '-', got '1-stack'",
                        "'account' must be a 12-digit AWS account id, got '12345'",
                        "'region' must be an AWS region such as eu-west-1, got 'moon'",
                        "'billingMode' must be 'on-demand' or 'provisioned', got 'cheap'",
                        "'memorySize' must be a whole number, got 'lots'",
                        "'logRetentionDays' must be one of the periods CloudWatch Logs accepts [1, 3, 5, 7, 14, 30, 60, "
                                + "90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], got 10",
                        "'corsAllowMethods' holds 'FETCH', which is not one of [*, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]",
                        "'throttleRateLimit' must be a whole number, got '1.5'",
                        "'requesterUser' must be true or false, got 'yes'",
                        "'architecture' must be 'arm64' or 'x86_64', got 'sparc'",
                        "'corsAllowOrigins' must be a non-empty list of non-empty values, got [https://a.example, , ]"),
                problems(Map.ofEntries(
                        Map.entry(AppContext.STACK_NAME, "1-stack"),
                        Map.entry(AppContext.ACCOUNT, "12345"),
                        Map.entry(AppContext.REGION, "moon"),
                        Map.entry(AppContext.BILLING_MODE, "cheap"),
                        Map.entry(AppContext.MEMORY_SIZE, "lots"),
                        Map.entry(AppContext.ARCHITECTURE, "sparc"),
                        Map.entry(AppContext.LOG_RETENTION_DAYS, 10),
                        Map.entry(AppContext.CORS_ALLOW_ORIGINS, "https://a.example,,"),
                        Map.entry(AppContext.CORS_ALLOW_METHODS, "GET,FETCH"),
                        Map.entry(AppContext.THROTTLE_RATE_LIMIT, "1.5"),
                        Map.entry(AppContext.REQUESTER_USER, "yes"))));
    }

    @Test
    void misspeltKey_isRejected_namingTheKeyItResembles() {
        assertEquals(
                List.of(
                        "'billingmode' is not a context key of this app; did you mean 'billingMode'?",
                        "'read-capacity' is not a context key of this app; did you mean 'readCapacity'?"),
                problems(Map.of("billingmode", "provisioned", "read-capacity", "5")));
    }

    @Test
    void otherContext_suchAsTheCdksFeatureFlags_isLeftAlone() {
        assertEquals(
                "EventLog",
                read(Map.of("aws:cdk:enable-path-metadata", true, "acknowledged-issue-numbers", List.of(12345)))
                        .stackName());
    }

    @Test
    void emptyValues_areRejected_ratherThanTakenForTheDefault() {
        assertEquals(List.of("'tableName' must not be empty when given"), problems(Map.of(AppContext.TABLE_NAME, " ")));
    }

    @Test
    void badContext_failsTheAppBeforeAnyResourceIsBuilt() {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> TestStacks.stack(Map.of(AppContext.HOSTED_ZONE_NAME, "example.com")));
        assertTrue(e.getMessage().contains("missing 'domainName', 'hostedZoneId'"), e.getMessage());
    }
}
