package dev.eventlog.infra;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.User;
import software.constructs.Construct;

/** Who may call the API: a managed policy for exactly its routes, and optionally an IAM user that holds it. */
final class RequesterAccess extends Construct {

    private final ManagedPolicy policy;
    private final Optional<User> user;

    RequesterAccess(Construct scope, String id, EventHttpApi api, boolean createUser) {
        super(scope, id);
        this.policy = ManagedPolicy.Builder.create(this, "InvokePolicy")
                .description("Allows calling the EventLog HTTP API routes, and nothing else")
                .statements(List.of(PolicyStatement.Builder.create()
                        .sid("InvokeEventLogRoutes")
                        .effect(Effect.ALLOW)
                        .actions(List.of(RouteGrants.INVOKE))
                        .resources(RouteGrants.arns(api, Route.ALL))
                        .build()))
                .build();
        RouteGrants.acknowledgePathParameterWildcards(policy, api, Route.ALL);

        this.user = createUser
                ? Optional.of(User.Builder.create(this, "User")
                        .managedPolicies(List.<IManagedPolicy>of(policy))
                        .build())
                : Optional.empty();
    }

    ManagedPolicy policy() {
        return policy;
    }

    Optional<User> user() {
        return user;
    }
}
