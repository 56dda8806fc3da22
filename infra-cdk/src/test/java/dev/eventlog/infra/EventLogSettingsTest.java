package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.logs.RetentionDays;

/** The one set of rules every EventLog's props go through, with the defaults they fill in. */
class EventLogSettingsTest {

    static EventLogProps.Builder props() {
        return EventLogProps.builder().lambdaJar(TestStacks.lambdaJar());
    }

    static EventLogSettings settings(EventLogProps props) {
        Problems problems = new Problems();
        EventLogSettings settings = EventLogSettings.resolve(props, "Service-Events", problems);
        problems.throwIfAny("Invalid EventLog props");
        return settings;
    }

    static List<String> problems(EventLogProps props) {
        return assertThrows(InvalidConfigurationException.class, () -> settings(props))
                .problems();
    }

    @Test
    void noProps_giveTheDocumentedDefaults() {
        EventLogSettings settings = settings(props().build());
        assertEquals("Service-Events", settings.name());
        assertEquals(Optional.empty(), settings.tableName());
        assertEquals(TableBilling.onDemand(), settings.billing());
        assertEquals(1024, settings.memorySizeMb());
        assertEquals("arm64", settings.architecture().getName());
        assertEquals(RetentionDays.ONE_MONTH, settings.logRetention());
        assertEquals(
                new CorsSettings(
                        List.of("*"),
                        List.of(CorsHttpMethod.GET, CorsHttpMethod.POST),
                        List.of(
                                "authorization",
                                "content-type",
                                "x-amz-date",
                                "x-amz-security-token",
                                "x-amz-content-sha256")),
                settings.cors());
        assertEquals(Optional.of(100), settings.reservedConcurrency());
        assertEquals(new StageThrottle(4, 20), settings.throttle());
        assertEquals(Optional.empty(), settings.customDomain());
        assertFalse(settings.requesterUser());
        assertFalse(settings.disableExecuteApiEndpoint());
        assertEquals(1, settings.writeShards());
        assertEquals(Optional.empty(), settings.retentionDays());
        assertEquals(Optional.empty(), settings.alarmEmail());
        assertEquals(1000, settings.latencyAlarmMs());
    }

    @Test
    void theStageThrottling_followsTheReservedConcurrency_unlessGiven() {
        assertEquals(
                new StageThrottle(20, 100),
                settings(props().reservedConcurrency(500).build()).throttle());
        assertEquals(
                new StageThrottle(4, 7),
                settings(props().throttleBurstLimit(7).build()).throttle());
        assertEquals(
                new StageThrottle(9, 20),
                settings(props().throttleRateLimit(9).build()).throttle());
    }

    @Test
    void withoutReservedConcurrency_reservesNone_andThrottlesAsBeforeReservations() {
        EventLogSettings settings =
                settings(props().withoutReservedConcurrency().build());
        assertEquals(Optional.empty(), settings.reservedConcurrency());
        assertEquals(new StageThrottle(50, 100), settings.throttle());
    }

    @Test
    void everyBrokenRule_isReportedTogether_namingItsProp() {
        assertEquals(
                List.of(
                        "'name' must be 1-100 letters, digits, '-' and '_', got 'my events'",
                        "'tableName' must be 3-255 characters of letters, digits, '_', '-' and '.', got 'x'",
                        "'memorySize' must be between 128 and 10240, got 64",
                        "'architecture' must be 'arm64' or 'x86_64', got 'sparc'",
                        "'logRetention' must be one of the periods CloudWatch Logs accepts [1, 3, 5, 7, 14, 30, 60, 90, "
                                + "120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] days, got INFINITE",
                        "'corsAllowOrigins' must be a non-empty list of non-empty values, got []",
                        "'corsAllowHeaders' must be a non-empty list of non-empty values, got [authorization,  ]",
                        "'reservedConcurrency' must be between 1 and 100000, got 0",
                        "'throttleBurstLimit' must be between 1 and 5000, got 5001",
                        "'readCapacity' only applies with billingMode=provisioned; the table is on-demand",
                        "'writeShards' must be between 1 and 64, got 65",
                        "'retentionDays' must be between 1 and 36500, got 0",
                        "'alarmEmail' must be one e-mail address such as ops@example.com, got 'ops@example.com,dev@example.com'",
                        "'latencyAlarmMs' must be between 1 and 30000, got 30001"),
                problems(props().name("my events")
                        .tableName("x")
                        .memorySize(64)
                        .architecture(Architecture.custom("sparc"))
                        .logRetention(RetentionDays.INFINITE)
                        .corsAllowOrigins(List.of())
                        .corsAllowHeaders(List.of("authorization", " "))
                        .reservedConcurrency(0)
                        .throttleBurstLimit(5001)
                        .readCapacity(5)
                        .writeShards(65)
                        .retentionDays(0)
                        .alarmEmail("ops@example.com,dev@example.com")
                        .latencyAlarmMs(30001)
                        .build()));
    }

    @Test
    void aDefaultNameThatNoDashboardMayCarry_asksForAName() {
        Problems problems = new Problems();
        EventLogSettings.resolve(props().build(), "My Stack-Event Log", problems);
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> problems.throwIfAny("Invalid EventLog props"));
        assertEquals(
                List.of("'name' must be 1-100 letters, digits, '-' and '_', got 'My Stack-Event Log' (the stack's name "
                        + "and the construct's id); give one in the props"),
                e.problems());
        assertTrue(e.getMessage().startsWith("Invalid EventLog props:\n  - 'name'"), e.getMessage());
    }

    @Test
    void provisionedBilling_takesOneUnitEach_unlessGiven() {
        assertEquals(
                TableBilling.provisioned(1, 1),
                settings(props().billingMode(BillingMode.PROVISIONED).build()).billing());
        assertEquals(
                TableBilling.provisioned(5, 3),
                settings(props().billingMode(BillingMode.PROVISIONED)
                                .readCapacity(5)
                                .writeCapacity(3)
                                .build())
                        .billing());
        assertEquals(
                List.of("'writeCapacity' must be between 1 and 40000, got 0"),
                problems(props().billingMode(BillingMode.PROVISIONED)
                        .writeCapacity(0)
                        .build()));
    }

    @Test
    void customDomain_withAllThreeValues_isConfigured_withoutCaseOrTheZonesTrailingDot() {
        EventLogSettings settings = settings(props().domainName("Events.Example.com")
                .hostedZoneId(TestStacks.HOSTED_ZONE_ID)
                .hostedZoneName("example.com.")
                .build());
        assertEquals(
                Optional.of(new CustomDomainSettings("events.example.com", TestStacks.HOSTED_ZONE_ID, "example.com")),
                settings.customDomain());
    }

    @Test
    void customDomain_withOnlySomeValues_namesTheMissingOnes() {
        assertEquals(
                List.of("a custom domain needs all of 'domainName', 'hostedZoneId' and 'hostedZoneName' (or none); "
                        + "missing 'hostedZoneId', 'hostedZoneName'"),
                problems(props().domainName("events.example.com").build()));
    }

    @Test
    void customDomain_outsideItsZone_orWithAMalformedZoneId_isRejected() {
        assertEquals(
                List.of("'domainName' 'events.example.org' must lie inside the hosted zone 'example.com', so that its "
                        + "certificate can be validated and its alias record created there"),
                problems(props().domainName("events.example.org")
                        .hostedZoneId(TestStacks.HOSTED_ZONE_ID)
                        .hostedZoneName("example.com")
                        .build()));
        assertEquals(
                List.of(
                        "'hostedZoneId' must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ, got 'not-a-zone'"),
                problems(props().domainName("events.example.com")
                        .hostedZoneId("not-a-zone")
                        .hostedZoneName("example.com")
                        .build()));
    }

    @Test
    void disablingTheExecuteApiEndpoint_needsACustomDomain_becauseNothingElseCouldReachTheApi() {
        assertEquals(
                List.of("'disableExecuteApiEndpoint' only applies with a custom domain ('domainName', 'hostedZoneId' "
                        + "and 'hostedZoneName'); without one the API could not be reached at all"),
                problems(props().disableExecuteApiEndpoint(true).build()));
        assertTrue(settings(props().disableExecuteApiEndpoint(true)
                        .domainName(TestStacks.DOMAIN_NAME)
                        .hostedZoneId(TestStacks.HOSTED_ZONE_ID)
                        .hostedZoneName(TestStacks.HOSTED_ZONE_NAME)
                        .build())
                .disableExecuteApiEndpoint());
    }

    @Test
    void aMissingLambdaJar_namesTheBuildCommand() {
        List<String> problems =
                problems(props().lambdaJar("no/such/eventlog-lambda.jar").build());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("'lambdaJar' points to /"), problems.get(0));
        assertTrue(problems.get(0).contains("mvn -B package -DskipTests"), problems.get(0));
    }
}
