package dev.eventlog.local.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * The IAM caller a verified signature stands for, as API Gateway puts it into {@code requestContext.authorizer.iam}.
 * Locally there is no IAM, so the account and user are fixed, plausible values derived from the access key.
 */
public record CallerIdentity(String accessKey, String accountId, String userId, String userArn) {

    static final String LOCAL_ACCOUNT_ID = "000000000000";

    static CallerIdentity forAccessKey(String accessKey) {
        String userId =
                "AIDA" + Integer.toHexString(accessKey.hashCode()).toUpperCase(java.util.Locale.ROOT) + "LOCALUSER";
        return new CallerIdentity(
                accessKey, LOCAL_ACCOUNT_ID, userId, "arn:aws:iam::" + LOCAL_ACCOUNT_ID + ":user/eventlog-local");
    }

    /** The {@code authorizer.iam} object of a payload 2.0 event. */
    public APIGatewayV2HTTPEvent.RequestContext.IAM toIam() {
        return APIGatewayV2HTTPEvent.RequestContext.IAM
                .builder()
                .withAccessKey(accessKey)
                .withAccountId(accountId)
                .withCallerId(userId)
                .withPrincipalOrgId(null)
                .withUserArn(userArn)
                .withUserId(userId)
                .build();
    }
}
