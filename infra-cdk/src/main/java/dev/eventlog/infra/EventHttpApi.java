package dev.eventlog.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
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
public final class EventHttpApi extends Construct {

    public static final String STAGE_NAME = "$default";
    /**
     * How long a browser may reuse a preflight answer: one preflight per hour instead of one per request, yet a
     * changed CORS setting reaches every browser within the hour.
     */
    public static final Duration CORS_MAX_AGE = Duration.hours(1);

    private final HttpApi api;
    private final HttpStage stage;
    private final LogGroup accessLogGroup;

    public EventHttpApi(Construct scope, String id, EventLogConfig config, IFunction target) {
        super(scope, id);
        CorsSettings cors = config.cors();
        this.api = HttpApi.Builder.create(this, "Api")
                .apiName(config.stackName())
                .description("EventLog: record events and read them back")
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(cors.allowOrigins())
                        .allowMethods(cors.allowMethods().stream()
                                .map(EventHttpApi::corsMethod)
                                .toList())
                        .allowHeaders(cors.allowHeaders())
                        .maxAge(CORS_MAX_AGE)
                        .build())
                // Only allowed with a custom domain (checked with the context), which then becomes the only way in.
                .disableExecuteApiEndpoint(config.disableExecuteApiEndpoint())
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
                .retention(config.logRetention())
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
                        .rateLimit(config.throttleRateLimit())
                        .burstLimit(config.throttleBurstLimit())
                        .build())
                .build();
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

    private static CorsHttpMethod corsMethod(String method) {
        return "*".equals(method) ? CorsHttpMethod.ANY : CorsHttpMethod.valueOf(method);
    }
}
