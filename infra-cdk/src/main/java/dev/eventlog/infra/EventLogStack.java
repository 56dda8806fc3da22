package dev.eventlog.infra;

import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The whole EventLog deployment: table, function, HTTP API, optional custom domain, requester access, alarms,
 * dashboard and outputs.
 */
public final class EventLogStack extends Stack {

    private final EventTable table;
    private final EventFunction function;
    private final EventHttpApi api;
    private final Optional<CustomDomain> customDomain;
    private final RequesterAccess requesterAccess;
    private final EventLogAlarms alarms;
    private final OperationsDashboard dashboard;

    public EventLogStack(Construct scope, String id, StackProps props, EventLogConfig config) {
        super(scope, id, props);
        this.table = new EventTable(this, "Events", config);
        this.function = new EventFunction(this, "Handler", config, table.table(), table.userIndexArn());
        this.api = new EventHttpApi(this, "HttpApi", config, function.alias());
        this.customDomain = config.customDomain()
                .map(settings -> new CustomDomain(this, "CustomDomain", settings, api.api(), api.stage()));
        this.requesterAccess = new RequesterAccess(this, "Requester", api, config.requesterUser());
        this.alarms = new EventLogAlarms(this, "Alarms", config, table, function, api);
        this.dashboard = new OperationsDashboard(this, "Operations", config, table, function, api, alarms);

        if (!config.disableExecuteApiEndpoint()) {
            // A disabled endpoint refuses every request, so its URL is left out rather than handed to anyone.
            CfnOutput.Builder.create(this, "ApiUrl")
                    .description("Base URL of the HTTP API (execute-api endpoint)")
                    .value(api.stage().getUrl())
                    .build();
        }
        customDomain.ifPresent(domain -> CfnOutput.Builder.create(this, "CustomDomainUrl")
                .description("Base URL of the HTTP API under its custom domain")
                .value("https://" + config.customDomain().orElseThrow().domainName() + "/")
                .build());
        CfnOutput.Builder.create(this, "TableName")
                .description("DynamoDB table holding the events (retained when the stack is deleted)")
                .value(table.table().getTableName())
                .build();
        CfnOutput.Builder.create(this, "RequesterPolicyArn")
                .description("Managed policy that allows calling the API; attach it to whoever sends requests")
                .value(requesterAccess.policy().getManagedPolicyArn())
                .build();
        requesterAccess
                .user()
                .ifPresent(user -> CfnOutput.Builder.create(this, "RequesterUserName")
                        .description("IAM user holding the requester policy; create its access key yourself")
                        .value(user.getUserName())
                        .build());
        CfnOutput.Builder.create(this, "DashboardName")
                .description("CloudWatch dashboard of this deployment")
                .value(dashboard.dashboard().getDashboardName())
                .build();
        alarms.topic()
                .ifPresent(topic -> CfnOutput.Builder.create(this, "AlarmTopicArn")
                        .description(
                                "SNS topic every alarm notifies; the e-mail subscription must be confirmed from its first mail")
                        .value(topic.topic().getTopicArn())
                        .build());
    }

    public EventTable table() {
        return table;
    }

    public EventFunction function() {
        return function;
    }

    public EventHttpApi api() {
        return api;
    }

    public Optional<CustomDomain> customDomain() {
        return customDomain;
    }

    public RequesterAccess requesterAccess() {
        return requesterAccess;
    }

    public EventLogAlarms alarms() {
        return alarms;
    }

    public OperationsDashboard dashboard() {
        return dashboard;
    }
}
