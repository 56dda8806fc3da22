package dev.eventlog.infra;

import java.nio.file.Files;
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
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/** The Java function behind the API: its log group, its least-privilege role, SnapStart and the alias the API calls. */
public final class EventFunction extends Construct {

  /** The handler the Lambda module's runtime test proves. */
  public static final String HANDLER = "dev.eventlog.lambda.EventLogHandler::handleRequest";
  /** Exactly the DynamoDB actions the adapter calls. */
  public static final List<String> TABLE_ACTIONS =
      List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan");
  public static final String ALIAS_NAME = "live";
  // Below the HTTP API's 30 s integration limit, above the SDK's retries with backoff on a throttled table.
  static final Duration TIMEOUT = Duration.seconds(20);

  private final LogGroup logGroup;
  private final Role role;
  private final Function function;
  private final Alias alias;

  public EventFunction(Construct scope, String id, EventLogConfig config, ITable table) {
    super(scope, id);
    if (!Files.isRegularFile(config.lambdaJar())) {
      throw new InvalidContextException(List.of("'" + EventLogConfig.LAMBDA_JAR + "' points to "
          + config.lambdaJar().toAbsolutePath().normalize()
          + ", which does not exist; build it first with 'mvn -B package -DskipTests' at the repository root"));
    }

    this.logGroup = LogGroup.Builder.create(this, "LogGroup")
        .retention(config.logRetention())
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();

    this.role = Role.Builder.create(this, "Role")
        .description("Runs the EventLog function: reads and writes its table, writes its own log group")
        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
        .inlinePolicies(Map.of("EventLogFunction", PolicyDocument.Builder.create()
            .statements(List.of(
                PolicyStatement.Builder.create()
                    .sid("ReadAndAppendEvents")
                    .effect(Effect.ALLOW)
                    .actions(TABLE_ACTIONS)
                    .resources(List.of(table.getTableArn()))
                    .build(),
                PolicyStatement.Builder.create()
                    .sid("WriteOwnLogs")
                    .effect(Effect.ALLOW)
                    .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                    .resources(List.of(logGroup.getLogGroupArn()))
                    .build()))
            .build()))
        .build();

    this.function = Function.Builder.create(this, "Function")
        .description("EventLog HTTP API handler")
        .runtime(Runtime.JAVA_25)
        .architecture(config.architecture())
        .handler(HANDLER)
        .code(Code.fromAsset(config.lambdaJar().toString()))
        // Memory also buys CPU; a JVM with the SDK needs both to answer quickly after a restore.
        .memorySize(config.memorySizeMb())
        .timeout(TIMEOUT)
        .role(role)
        .logGroup(logGroup)
        .environment(Map.of("TABLE_NAME", table.getTableName()))
        .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
        .build();

    // SnapStart only applies to published versions, so the API must call a version through an alias.
    this.alias = Alias.Builder.create(this, "Alias")
        .aliasName(ALIAS_NAME)
        .version(function.getCurrentVersion())
        .build();

    Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
        "The alias below publishes a version from the first deployment on, and the API only ever calls that alias.");
    NagFinding.acknowledge(function, "Serverless-LambdaDLQ",
        "The function is only invoked synchronously by the HTTP API, which returns every failure to the caller; "
            + "a dead-letter queue only ever receives failed asynchronous invocations, so it would stay empty.");
    NagFinding.acknowledge(function, "Serverless-LambdaTracing",
        "X-Ray accepts no resource-level permissions, so active tracing would need Resource '*' on this role, "
            + "which its least-privilege policy rules out; each request is traced instead by its API Gateway "
            + "requestId in the access log and the function's log.");
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
