package dev.eventlog.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds a DynamoDB client with nothing left for the SDK to discover at start-up: HTTP client, region,
 * credentials and retry mode are all given.
 */
final class LeanClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private LeanClient() {
    }

    /** {@code httpClient} replaces the JDK-based one only in tests that script the server's answers. */
    static DynamoDbClient build(Region region, URI endpointOverride, AwsCredentialsProvider credentials, SdkHttpClient httpClient) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient != null ? httpClient : UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT)
                        .build())
                // Standard mode: up to three attempts with jittered backoff for throttling, 5xx and I/O errors.
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder.build();
    }
}
