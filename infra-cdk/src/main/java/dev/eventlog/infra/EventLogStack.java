package dev.eventlog.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** The app's stack: one {@link EventLog} and the outputs an operator reads after a deployment. */
final class EventLogStack extends Stack {

    /**
     * The id CDK leaves out of logical ids: the EventLog's resources keep the ids they had when they were this
     * stack's own children, so a deployed stack updates in place (its table above all) instead of replacing them.
     */
    static final String EVENT_LOG_ID = "Default";

    private final EventLog eventLog;

    EventLogStack(Construct scope, String id, StackProps props, EventLogProps eventLogProps) {
        super(scope, id, props);
        this.eventLog = new EventLog(this, EVENT_LOG_ID, eventLogProps);

        if (!eventLog.executeApiEndpointDisabled()) {
            // A disabled endpoint refuses every request, so its URL is left out rather than handed to anyone.
            output(
                    "ApiUrl",
                    "Base URL of the HTTP API (execute-api endpoint)",
                    eventLog.getStage().getUrl());
        }
        eventLog.customDomainUrl()
                .ifPresent(url -> output("CustomDomainUrl", "Base URL of the HTTP API under its custom domain", url));
        output(
                "TableName",
                "DynamoDB table holding the events (retained when the stack is deleted)",
                eventLog.getTable().getTableName());
        output(
                "RequesterPolicyArn",
                "Managed policy that allows calling the API; attach it to whoever sends requests",
                eventLog.getRequesterPolicy().getManagedPolicyArn());
        output(
                "OperatorsPolicyArn",
                "Managed policy for operators: erase a user's events, export, import, backfill the user index",
                eventLog.getOperatorsPolicy().getManagedPolicyArn());
        eventLog.getRequesterUser()
                .ifPresent(user -> output(
                        "RequesterUserName",
                        "IAM user holding the requester policy; create its access key yourself",
                        user.getUserName()));
        output(
                "DashboardName",
                "CloudWatch dashboard of this deployment",
                eventLog.getDashboard().getDashboardName());
        eventLog.getAlarmTopic()
                .ifPresent(topic -> output(
                        "AlarmTopicArn",
                        "SNS topic every alarm notifies; the e-mail subscription must be confirmed from its first mail",
                        topic.getTopicArn()));
    }

    EventLog eventLog() {
        return eventLog;
    }

    private void output(String id, String description, String value) {
        CfnOutput.Builder.create(this, id).description(description).value(value).build();
    }
}
