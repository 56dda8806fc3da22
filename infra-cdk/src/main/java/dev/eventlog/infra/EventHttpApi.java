package dev.eventlog.infra;

import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/** The HTTP API: CORS, the IAM-authorized routes to the function's alias, and the logged, throttled stage. */
final class EventHttpApi extends Construct {

    public static final String STAGE_NAME = "$default";
    /** The warning given when explicit throttling can hold more invocations than the reserved concurrency. */
    static final String THROTTLE_ABOVE_CONCURRENCY = "@eventlog/throttle-above-reserved-concurrency";
    /**
     * How long a browser may reuse a preflight answer: one preflight per hour instead of one per request, yet a
     * changed CORS setting reaches every browser within the hour.
     */
    public static final Duration CORS_MAX_AGE = Duration.hours(1);

    private final HttpApi api;
    private final HttpStage stage;
    private final LogGroup accessLogGroup;

    EventHttpApi(Construct scope, String id, EventLogSettings settings, IFunction target) {
        super(scope, id);
        CorsSettings cors = settings.cors();
        this.api = HttpApi.Builder.create(this, "Api")
                .apiName(settings.name())
                .description("EventLog: record events and read them back")
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(cors.allowOrigins())
                        .allowMethods(cors.allowMethods())
                        .allowHeaders(cors.allowHeaders())
                        .maxAge(CORS_MAX_AGE)
                        .build())
                // Only allowed with a custom domain (checked with the context), which then becomes the only way in.
                .disableExecuteApiEndpoint(settings.disableExecuteApiEndpoint())
                // The stage is declared below so that it carries access logs and throttling from its first deployment.
                .createDefaultStage(false)
                .build();

        HttpLambdaIntegration integration = new HttpLambdaIntegration(
                "EventLogIntegration",
                target,
                HttpLambdaIntegrationProps.builder()
                        .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
                        .build());
        HttpIamAuthorizer iam = new HttpIamAuthorizer();
        for (Route route : Route.ALL) {
            api.addRoutes(AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(route.method()))
                    .integration(integration)
                    .authorizer(iam)
                    .build());
        }

        this.accessLogGroup = LogGroup.Builder.create(this, "AccessLogs")
                .retention(settings.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        LogGroupLogDestination destination = new LogGroupLogDestination(accessLogGroup);
        AccessLogFormat format = AccessLogFormat.custom(AccessLogFields.json());
        this.stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName(STAGE_NAME)
                .autoDeploy(true)
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return format;
                    }
                })
                .throttle(ThrottleSettings.builder()
                        .rateLimit(settings.throttle().rateLimit())
                        .burstLimit(settings.throttle().burstLimit())
                        .build())
                .build();
        settings.reservedConcurrency()
                .filter(reserved -> settings.throttle().worstCaseConcurrency() > reserved)
                .ifPresent(reserved -> Annotations.of(stage)
                        .addWarningV2(
                                THROTTLE_ABOVE_CONCURRENCY,
                                "The stage admits up to " + settings.throttle().describe()
                                        + " requests while the slowest of them still run, more than the " + reserved
                                        + " reserved concurrent executions: when the store is slow, Lambda refuses the "
                                        + "excess and callers get 5xx instead of the gateway's 429. Lower "
                                        + "'throttleRateLimit'/'throttleBurstLimit' or raise 'reservedConcurrency'."));
    }

    /** The execute-api ARN that IAM checks for one route on this API's stage. */
    public String invokeArn(Route route) {
        return api.arnForExecuteApi(route.method().name(), route.arnPath(), STAGE_NAME);
    }

    public HttpApi api() {
        return api;
    }

    public HttpStage stage() {
        return stage;
    }

    public LogGroup accessLogGroup() {
        return accessLogGroup;
    }
}
