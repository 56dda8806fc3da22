package dev.eventlog.infra;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IGroup;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.IUser;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.User;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * A whole EventLog deployment to place in any stack: the table, the Java function behind an alias, the
 * IAM-authorized HTTP API, an optional custom domain, alarms, a dashboard, and the policies for callers and
 * operators. Its resources carry the cdk-nag acknowledgments they need, each with its reason.
 */
public final class EventLog extends Construct {

    private final EventLogSettings settings;
    private final EventTable table;
    private final EventFunction function;
    private final EventHttpApi api;
    private final Optional<CustomDomain> customDomain;
    private final RequesterAccess requesterAccess;
    private final OperatorAccess operatorAccess;
    private final EventLogAlarms alarms;
    private final OperationsDashboard dashboard;

    /** An EventLog with every default. */
    public EventLog(Construct scope, String id) {
        this(scope, id, EventLogProps.builder().build());
    }

    /**
     * @throws InvalidConfigurationException naming every prop that cannot be deployed, before any resource is made
     */
    public EventLog(Construct scope, String id, EventLogProps props) {
        this(scope, id, validated(scope, id, props));
    }

    private EventLog(Construct scope, String id, EventLogSettings settings) {
        super(scope, id);
        this.settings = settings;
        this.table = new EventTable(this, "Events", settings);
        this.function = new EventFunction(this, "Handler", settings, table.table(), table.userIndexArn());
        this.api = new EventHttpApi(this, "HttpApi", settings, function.alias());
        this.customDomain = settings.customDomain()
                .map(domain -> new CustomDomain(this, "CustomDomain", domain, api.api(), api.stage()));
        this.requesterAccess = new RequesterAccess(this, "Requester", api, settings.requesterUser());
        this.operatorAccess = new OperatorAccess(
                this, "Operators", settings.name(), table.table().getTableArn(), table.userIndexArn());
        this.alarms = new EventLogAlarms(this, "Alarms", settings, table, function, api);
        this.dashboard = new OperationsDashboard(this, "Operations", settings, table, function, api, alarms);
    }

    private static EventLogSettings validated(Construct scope, String id, EventLogProps props) {
        Problems problems = new Problems();
        EventLogSettings settings =
                EventLogSettings.resolve(props, Stack.of(scope).getStackName() + "-" + id, problems);
        problems.throwIfAny("Invalid EventLog props");
        return settings;
    }

    /**
     * Lets the principal call every route: {@code execute-api:Invoke} on exactly the five routes' ARNs of this API's
     * stage, added to the principal's policy.
     */
    public Grant grantInvoke(IGrantable grantee) {
        return RouteGrants.grant(grantee, api, Route.ALL);
    }

    /** Lets the principal call the reading routes only: every {@code GET} route, not {@code POST /events}. */
    public Grant grantRead(IGrantable grantee) {
        List<Route> reads =
                Route.ALL.stream().filter(r -> r.method() == HttpMethod.GET).toList();
        return RouteGrants.grant(grantee, api, reads);
    }

    /**
     * Attaches the operators' managed policy (erase a user, export, import, backfill the user index) to the
     * principal, which must be a role, a user or a group.
     */
    public void grantOperate(IGrantable grantee) {
        IPrincipal principal = grantee.getGrantPrincipal();
        ManagedPolicy policy = operatorAccess.policy();
        // Attached from the policy's side, which only needs the name: it works for imported roles too, to which a
        // managed policy cannot be added.
        if (principal instanceof IRole role) {
            policy.attachToRole(role);
        } else if (principal instanceof IUser user) {
            policy.attachToUser(user);
        } else if (principal instanceof IGroup group) {
            policy.attachToGroup(group);
        } else {
            throw new IllegalArgumentException(
                    "grantOperate attaches a managed policy, so it needs a role, a user or a group; got " + principal);
        }
    }

    /** The DynamoDB table of events; retained, with deletion protection, when the stack is deleted. */
    public Table getTable() {
        return table.table();
    }

    public Function getFunction() {
        return function.function();
    }

    /** The alias the API calls, on the published version that SnapStart applies to. */
    public Alias getAlias() {
        return function.alias();
    }

    public HttpApi getHttpApi() {
        return api.api();
    }

    /** The {@code $default} stage: auto-deployed, throttled and access-logged. */
    public HttpStage getStage() {
        return api.stage();
    }

    /** The API's base URL, ending with '/': under the custom domain when there is one, else the execute-api URL. */
    public String getBaseUrl() {
        return customDomainUrl().orElseGet(() -> api.stage().getUrl());
    }

    /** The alarm topic, when an alarm e-mail was given. */
    public Optional<Topic> getAlarmTopic() {
        return alarms.topic().map(AlarmTopic::topic);
    }

    /** Every alarm, in the order the operating guide lists them. */
    public List<Alarm> getAlarms() {
        return alarms.all();
    }

    public Dashboard getDashboard() {
        return dashboard.dashboard();
    }

    /** The managed policy that allows calling exactly the five routes; attach it to whoever sends requests. */
    public ManagedPolicy getRequesterPolicy() {
        return requesterAccess.policy();
    }

    /** The IAM user holding the requester policy, when {@code requesterUser} was set. */
    public Optional<User> getRequesterUser() {
        return requesterAccess.user();
    }

    /** The operators' managed policy, named {@code <name>Operators-<region>}; see {@link #grantOperate}. */
    public ManagedPolicy getOperatorsPolicy() {
        return operatorAccess.policy();
    }

    Optional<String> customDomainUrl() {
        return settings.customDomain().map(CustomDomainSettings::url);
    }

    boolean executeApiEndpointDisabled() {
        return settings.disableExecuteApiEndpoint();
    }

    EventTable eventTable() {
        return table;
    }

    EventFunction eventFunction() {
        return function;
    }

    EventHttpApi eventHttpApi() {
        return api;
    }

    Optional<CustomDomain> customDomain() {
        return customDomain;
    }

    EventLogAlarms alarms() {
        return alarms;
    }
}
