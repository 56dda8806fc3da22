package dev.eventlog.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stage's JSON access-log line: the original system's twelve fields, then the IAM caller, each with the
 * $context variable it comes from.
 */
final class AccessLogFields {

    /** Field name to API Gateway context variable, in the order they are written. */
    public static final Map<String, String> FIELDS = fields();

    private AccessLogFields() {}

    /** One JSON object per line, as CloudWatch Logs Insights parses it. */
    public static String json() {
        return FIELDS.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", "$context.requestId");
        fields.put("ip", "$context.identity.sourceIp");
        fields.put("requestTime", "$context.requestTime");
        fields.put("httpMethod", "$context.httpMethod");
        fields.put("routeKey", "$context.routeKey");
        fields.put("status", "$context.status");
        fields.put("protocol", "$context.protocol");
        fields.put("responseLength", "$context.responseLength");
        fields.put("errorMessage", "$context.error.message");
        fields.put("errorResponseType", "$context.error.responseType");
        fields.put("authorizerError", "$context.authorizer.error");
        fields.put("integrationErrorMessage", "$context.integrationErrorMessage");
        // Who called: HTTP API variables that API Gateway fills for routes with IAM authorization (all of ours), as
        // listed in the API Gateway developer guide, "Customize HTTP API access logs". $context.accountId would be
        // the API owner's account, not the caller's.
        fields.put("userArn", "$context.identity.userArn");
        fields.put("callerAccountId", "$context.identity.accountId");
        return java.util.Collections.unmodifiableMap(fields);
    }
}
