package dev.eventlog.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One access-log line in the stage's JSON format: exactly the fields the deployed stage logs (the original
 * system's twelve, then the IAM caller), as strings, with {@code "-"} where API Gateway has no value.
 */
public record AccessLogEntry(
        String requestId,
        String ip,
        String requestTime,
        String httpMethod,
        String routeKey,
        int status,
        String protocol,
        long responseLength,
        String errorMessage,
        String errorResponseType,
        String authorizerError,
        String integrationErrorMessage,
        String userArn,
        String callerAccountId) {

    /** The fields in the stage format's order. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", dash(requestId));
        fields.put("ip", dash(ip));
        fields.put("requestTime", dash(requestTime));
        fields.put("httpMethod", dash(httpMethod));
        fields.put("routeKey", dash(routeKey));
        fields.put("status", Integer.toString(status));
        fields.put("protocol", dash(protocol));
        fields.put("responseLength", Long.toString(responseLength));
        fields.put("errorMessage", dash(errorMessage));
        fields.put("errorResponseType", dash(errorResponseType));
        fields.put("authorizerError", dash(authorizerError));
        fields.put("integrationErrorMessage", dash(integrationErrorMessage));
        fields.put("userArn", dash(userArn));
        fields.put("callerAccountId", dash(callerAccountId));
        return fields;
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
