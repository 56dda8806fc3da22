package dev.eventlog.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
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

    private LeanClient() {}

    /** {@code httpClient} replaces the JDK-based one only in tests that script the server's answers. */
    static DynamoDbClient build(
            Region region, URI endpointOverride, AwsCredentialsProvider credentials, SdkHttpClient httpClient) {
        return build(region, endpointOverride, credentials, httpClient, StoreCallTimeouts.forFunction());
    }

    static DynamoDbClient build(
            Region region,
            URI endpointOverride,
            AwsCredentialsProvider credentials,
            SdkHttpClient httpClient,
            StoreCallTimeouts timeouts) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(timeouts, "timeouts");
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient != null ? httpClient : UrlConnectionHttpClient.create(LeanClient::open))
                // Standard mode: up to three attempts with jittered backoff for throttling, 5xx and I/O errors.
                // Without a call timeout a store that stops answering would hold the request past the function's own
                // timeout, and the caller would get the gateway's bare 5xx instead of a 503 with Retry-After.
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(timeouts.attempt())
                        .apiCallTimeout(timeouts.call()));
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder.build();
    }

    /**
     * Opens a connection with the JDK's own defaults and this client's timeouts. The SDK's builder would instead
     * build an SSL context with the JDK's trust store when the client is created, which costs a few hundred
     * milliseconds of a cold start even for a plain-http endpoint such as a local emulator; here the JDK sets up
     * its default TLS (same trust store, same host-name checks) on the first https connection, and never for http.
     */
    private static HttpURLConnection open(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a connection to " + uri, e);
        }
    }
}
