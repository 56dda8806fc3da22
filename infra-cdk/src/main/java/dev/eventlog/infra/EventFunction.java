package dev.eventlog.infra;

import dev.eventlog.http.DeployedFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/** The Java function behind the API: its log group, its least-privilege role, tracing, SnapStart and the alias. */
final class EventFunction extends Construct {

    /** The handler the Lambda module's runtime test proves. */
    public static final String HANDLER = DeployedFunction.HANDLER;
    /** Exactly the DynamoDB actions the adapter calls. */
    public static final List<String> TABLE_ACTIONS =
            List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan");
    /** The one DynamoDB action on the {@code byUser} index: a query by user. No other index action is granted. */
    public static final List<String> USER_INDEX_ACTIONS = List.of("dynamodb:Query");
    /**
     * What an actively traced function needs to hand its segments to X-Ray (the Lambda developer guide's list for
     * active tracing); the sampling actions are left out because Lambda samples, not the function.
     */
    public static final List<String> TRACING_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    public static final String ALIAS_NAME = "live";
    /**
     * JVM options for a short start, as the Lambda developer guide documents them for Java functions ("Customize Java
     * runtime startup behavior for Lambda functions", https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html):
     * tiered compilation stopped at level 1, so the JVM compiles with C1 only and spends no start-up CPU on profiling
     * for C2. The guide describes this as the Java 17 runtime's default; set here, it holds for the java25 runtime
     * and for the init phase SnapStart snapshots, whatever the runtime's default becomes. With SnapStart the guide's
     * advice for the restore is priming ("Maximize Lambda SnapStart performance",
     * https://docs.aws.amazon.com/lambda/latest/dg/snapstart-best-practices.html), which the function does by reading.
     */
    public static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    public static final String JVM_OPTIONS_VARIABLE = "JAVA_TOOL_OPTIONS";
    /** Why 20 s: see {@link DeployedFunction#TIMEOUT_SECONDS}. */
    static final int TIMEOUT_SECONDS = DeployedFunction.TIMEOUT_SECONDS;

    static final Duration TIMEOUT = Duration.seconds(TIMEOUT_SECONDS);

    private final LogGroup logGroup;
    private final Role role;
    private final Function function;
    private final Alias alias;

    /** The function for a table and the ARN of its {@code byUser} index, which it may only query. */
    EventFunction(Construct scope, String id, EventLogSettings settings, ITable table, String userIndexArn) {
        super(scope, id);
        this.logGroup = LogGroup.Builder.create(this, "LogGroup")
                .retention(settings.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        this.role = Role.Builder.create(this, "Role")
                .description(
                        "Runs the EventLog function: reads and writes its table, writes its own log group and traces")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .inlinePolicies(Map.of(
                        "EventLogFunction",
                        PolicyDocument.Builder.create()
                                .statements(List.of(
                                        PolicyStatement.Builder.create()
                                                .sid("ReadAndAppendEvents")
                                                .effect(Effect.ALLOW)
                                                .actions(TABLE_ACTIONS)
                                                .resources(List.of(table.getTableArn()))
                                                .build(),
                                        PolicyStatement.Builder.create()
                                                .sid("ReadUserHistory")
                                                .effect(Effect.ALLOW)
                                                // A grant on the table does not reach its indexes: the index ARN needs
                                                // its own statement.
                                                .actions(USER_INDEX_ACTIONS)
                                                .resources(List.of(userIndexArn))
                                                .build(),
                                        PolicyStatement.Builder.create()
                                                .sid("WriteOwnLogs")
                                                .effect(Effect.ALLOW)
                                                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                                                .resources(List.of(logGroup.getLogGroupArn()))
                                                .build(),
                                        PolicyStatement.Builder.create()
                                                .sid("SendTraces")
                                                .effect(Effect.ALLOW)
                                                .actions(TRACING_ACTIONS)
                                                // X-Ray defines no resource types, so these actions cannot be scoped to
                                                // a resource.
                                                .resources(List.of("*"))
                                                .build()))
                                .build()))
                .build();
        NagFinding.acknowledgeResource(
                role,
                "AwsSolutions-IAM5",
                "*",
                "The X-Ray actions PutTraceSegments and PutTelemetryRecords support no resource-level permissions, so active "
                        + "tracing can only be granted on Resource '*'; the statement holds only those two write actions.");
        // This rule is not granular: it reports the role as a whole. AwsSolutions-IAM5 above still reports any other
        // wildcard resource, and the template tests pin the role's statements exactly.
        NagFinding.acknowledge(
                role,
                "Serverless-LambdaStarPermissions",
                "The only wildcard in this role is the Resource '*' of the two X-Ray write actions that active tracing needs "
                        + "and that X-Ray cannot scope to a resource; every other statement names its one table or log group.");

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(DeployedFunction.TABLE_NAME_VARIABLE, table.getTableName());
        // Always set, even at the default, so that the deployed function shows the shard count the table was made for.
        environment.put(DeployedFunction.WRITE_SHARDS_VARIABLE, Integer.toString(settings.writeShards()));
        settings.retentionDays()
                .ifPresent(days -> environment.put(DeployedFunction.RETENTION_DAYS_VARIABLE, Integer.toString(days)));
        environment.put(JVM_OPTIONS_VARIABLE, JVM_OPTIONS);

        Function.Builder builder = Function.Builder.create(this, "Function")
                .description("EventLog HTTP API handler")
                .runtime(Runtime.JAVA_25)
                .architecture(settings.architecture())
                .handler(HANDLER)
                .code(Code.fromAsset(settings.lambdaJar().toString()))
                // Memory also buys CPU; a JVM with the SDK needs both to answer quickly after a restore.
                .memorySize(settings.memorySizeMb())
                .timeout(TIMEOUT)
                // The inline policy above is the role's whole permission set: the function gets a view of the role that
                // ignores the grants constructs add on their own (tracing would add a second, separate policy).
                .role(role.withoutPolicyUpdates())
                .logGroup(logGroup)
                .environment(environment)
                .tracing(Tracing.ACTIVE)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        // Caps what one caller's slow reads can hold, and keeps the rest of the account's concurrency for others; the
        // stage's default throttling is chosen with it (StageThrottle).
        settings.reservedConcurrency().ifPresent(builder::reservedConcurrentExecutions);
        this.function = builder.build();

        // SnapStart only applies to published versions, so the API must call a version through an alias.
        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .build();

        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish",
                        "The alias below publishes a version from the first deployment on, and the API only ever calls that alias.");
        NagFinding.acknowledge(
                function,
                "Serverless-LambdaDLQ",
                "The function is only invoked synchronously by the HTTP API, which returns every failure to the caller; "
                        + "a dead-letter queue only ever receives failed asynchronous invocations, so it would stay empty.");
    }

    public LogGroup logGroup() {
        return logGroup;
    }

    public Role role() {
        return role;
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }
}
