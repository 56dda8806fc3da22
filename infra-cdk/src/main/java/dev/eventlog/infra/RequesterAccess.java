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
public final class RequesterAccess extends Construct {

    private final ManagedPolicy policy;
    private final Optional<User> user;

    public RequesterAccess(Construct scope, String id, EventHttpApi api, boolean createUser) {
        super(scope, id);
        this.policy = ManagedPolicy.Builder.create(this, "InvokePolicy")
                .description("Allows calling the EventLog HTTP API routes, and nothing else")
                .statements(List.of(PolicyStatement.Builder.create()
                        .sid("InvokeEventLogRoutes")
                        .effect(Effect.ALLOW)
                        .actions(List.of("execute-api:Invoke"))
                        .resources(Route.ALL.stream().map(api::invokeArn).toList())
                        .build()))
                .build();
        acknowledgePathParameterWildcards(api);

        this.user = createUser
                ? Optional.of(User.Builder.create(this, "User")
                        .managedPolicies(List.<IManagedPolicy>of(policy))
                        .build())
                : Optional.empty();
    }

    public ManagedPolicy policy() {
        return policy;
    }

    public Optional<User> user() {
        return user;
    }

    // cdk-nag names each wildcard resource as one finding; only the path-parameter segments are acknowledged,
    // so a wildcard added anywhere else in this policy is still reported.
    private void acknowledgePathParameterWildcards(EventHttpApi api) {
        for (Route route : Route.ALL) {
            if (!route.arnPath().contains("*")) {
                continue;
            }
            NagFinding.acknowledgeResource(
                    policy,
                    "AwsSolutions-IAM5",
                    api.invokeArn(route),
                    "IAM authorizes an HTTP API call on the request's concrete path, so the route " + route.routeKey()
                            + " can only be granted with a wildcard in place of its path parameters; the API id, stage and "
                            + "method are fixed and the API serves no other paths below /events.");
        }
    }
}
