package dev.eventlog.infra;

import java.util.List;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.Policy;
import software.constructs.IConstruct;

/** {@code execute-api:Invoke} on exactly some routes of one API's stage, granted to a principal or held by a policy. */
final class RouteGrants {

    static final String INVOKE = "execute-api:Invoke";

    private RouteGrants() {}

    /** The ARNs IAM checks for the routes, one per route. */
    static List<String> arns(EventHttpApi api, List<Route> routes) {
        return routes.stream().map(api::invokeArn).toList();
    }

    /**
     * Adds the statement to the principal's policy, and acknowledges there the cdk-nag findings of the route ARNs'
     * path-parameter wildcards, which no grant of these routes can avoid; any other wildcard is still reported.
     */
    static Grant grant(IGrantable grantee, EventHttpApi api, List<Route> routes) {
        Grant grant = Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(List.of(INVOKE))
                .resourceArns(arns(api, routes))
                .build());
        // The statement lands in a policy below the principal (a role's or user's default policy, or the policy made
        // for an imported role); the CDK's grant does not name it, so every IAM policy there is given the
        // acknowledgments, which name only these routes' ARNs.
        if (grantee.getGrantPrincipal() instanceof IConstruct principal) {
            principal.getNode().findAll().stream()
                    .filter(Policy.class::isInstance)
                    .forEach(policy -> acknowledgePathParameterWildcards(policy, api, routes));
        }
        return grant;
    }

    // cdk-nag names each wildcard resource as one finding; only the path-parameter segments are acknowledged.
    static void acknowledgePathParameterWildcards(IConstruct policy, EventHttpApi api, List<Route> routes) {
        for (Route route : routes) {
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
