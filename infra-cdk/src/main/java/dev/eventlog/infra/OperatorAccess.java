package dev.eventlog.infra;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * What an operator's tools may do to the table beyond the function: erase a user, export, import and backfill the
 * user index. A managed policy for people and jobs; the function's role never holds it, so the API cannot delete.
 */
final class OperatorAccess extends Construct {

    /**
     * On the table, by command: {@code erase-user} deletes ({@code DeleteItem}, {@code BatchWriteItem}); {@code export}
     * reads ({@code Query}, {@code Scan}, {@code GetItem}, {@code DescribeTable}); {@code import} writes as the
     * function does ({@code PutItem}, {@code GetItem}, {@code Query}); {@code backfill-user-index} adds the index key
     * ({@code Scan}, {@code UpdateItem}). In IAM's sorted order, as the template holds them.
     */
    static final List<String> TABLE_ACTIONS = List.of(
            "dynamodb:BatchWriteItem",
            "dynamodb:DeleteItem",
            "dynamodb:DescribeTable",
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:Query",
            "dynamodb:Scan",
            "dynamodb:UpdateItem");
    /** On the {@code byUser} index: finding a user's events, the first step of erasing them. */
    static final List<String> USER_INDEX_ACTIONS = List.of("dynamodb:Query");

    /**
     * Appended to the deployment's name, before the region, to name the policy: {@code EventLogOperators-eu-west-1}
     * for the default stack. IAM names are unique in the whole account, so the region keeps the same stack's
     * deployments in two regions apart, as it does for the dashboard.
     */
    static final String POLICY_NAME_SUFFIX = "Operators-";

    private final ManagedPolicy policy;

    OperatorAccess(Construct scope, String id, String name, String tableArn, String userIndexArn) {
        super(scope, id);
        this.policy = ManagedPolicy.Builder.create(this, "Policy")
                .managedPolicyName(Fn.join("", List.of(name, POLICY_NAME_SUFFIX, Aws.REGION)))
                .description("Lets operators erase a user's events, export, import and backfill the EventLog table")
                .statements(List.of(
                        PolicyStatement.Builder.create()
                                .sid("OperateOnEvents")
                                .effect(Effect.ALLOW)
                                .actions(TABLE_ACTIONS)
                                .resources(List.of(tableArn))
                                .build(),
                        PolicyStatement.Builder.create()
                                .sid("FindUsersEvents")
                                .effect(Effect.ALLOW)
                                .actions(USER_INDEX_ACTIONS)
                                .resources(List.of(userIndexArn))
                                .build()))
                .build();
    }

    ManagedPolicy policy() {
        return policy;
    }
}
