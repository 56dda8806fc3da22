package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventLogException;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.domain.StoreUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Turns what the SDK throws, after its own retries, into the domain's failures, so that no SDK type
 * leaves the adapter.
 */
final class DynamoDbFailures {

    private DynamoDbFailures() {}

    static EventLogException translate(SdkException failure, String tableName) {
        if (failure instanceof ResourceNotFoundException) {
            return new StoreConfigurationException(
                    "DynamoDB table '" + tableName
                            + "' does not exist in this account and region; create it or correct the table name and region",
                    failure);
        }
        if (failure instanceof AwsServiceException service) {
            if (isTransient(service)) {
                return new StoreUnavailableException(
                        "DynamoDB table '" + tableName + "' is unavailable or throttled after retries ("
                                + describe(service) + ")",
                        failure);
            }
            // Any other refusal (access denied, bad credentials, a key schema that differs from ours) is a set-up
            // problem that a retry cannot cure.
            return new StoreConfigurationException(
                    "DynamoDB refused a request on table '" + tableName + "' (" + describe(service)
                            + "); check the table's key schema, the credentials and their permissions",
                    failure);
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            // The store did not answer in the time the function can spare: the write may still land, so the caller
            // must retry with the same body and will then be told it exists.
            return new StoreUnavailableException(
                    "DynamoDB did not answer in time for table '" + tableName + "': " + failure.getMessage(), failure);
        }
        if (failure instanceof SdkClientException) {
            return new StoreUnavailableException(
                    "DynamoDB could not be reached for table '" + tableName + "': " + failure.getMessage(), failure);
        }
        return new StoreUnavailableException(
                "DynamoDB failed on table '" + tableName + "': " + failure.getMessage(), failure);
    }

    private static boolean isTransient(AwsServiceException failure) {
        return failure instanceof ProvisionedThroughputExceededException
                || failure instanceof RequestLimitExceededException
                || failure.isThrottlingException()
                || failure.statusCode() >= 500;
    }

    private static String describe(AwsServiceException failure) {
        String code = failure.awsErrorDetails() == null
                ? null
                : failure.awsErrorDetails().errorCode();
        return (code == null ? "HTTP " + failure.statusCode() : code + ", HTTP " + failure.statusCode());
    }
}
