package dev.eventlog.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The settings of an {@link HttpEventLog}. Only the endpoint is required. Requests are signed with SigV4 when a
 * {@link #region} is set (an API whose routes have {@code AWS_IAM} authorization, as the CDK construct deploys
 * them, or {@code serve --iam}); without a region they carry no authentication. The retry limits apply to each
 * HTTP request; each default says why it was chosen.
 */
public final class HttpEventLogBuilder {

    private static final Duration LONGEST = Duration.ofHours(1);

    private URI endpoint;
    private Region region;
    private AwsCredentialsProvider credentials;
    private HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Duration attemptTimeout = Duration.ofSeconds(30);
    private Duration deadline = Duration.ofSeconds(60);
    private int gzipAbove = 4096;

    HttpEventLogBuilder() {}

    /**
     * The API's base URL: {@code https://{api-id}.execute-api.{region}.amazonaws.com}, a custom domain (with its
     * base path, if the API is mapped under one), or {@code http://127.0.0.1:3000} for {@code serve}.
     */
    public HttpEventLogBuilder endpoint(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || endpoint.getHost() == null) {
            throw new IllegalArgumentException(
                    "'endpoint' must be an http or https URL with a host (got " + endpoint + ")");
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("'endpoint' must not have a query or a fragment (got " + endpoint + ")");
        }
        this.endpoint = endpoint;
        return this;
    }

    /** The API's region; setting it turns on SigV4 signing for {@code execute-api} in that region. */
    public HttpEventLogBuilder region(Region region) {
        this.region = Objects.requireNonNull(region, "region");
        return this;
    }

    /**
     * Where signing credentials come from, asked again for each request. Default: the SDK's default chain
     * (environment, system properties, web identity, profiles, container and instance roles). Needs a region.
     */
    public HttpEventLogBuilder credentialsProvider(AwsCredentialsProvider provider) {
        this.credentials = Objects.requireNonNull(provider, "credentialsProvider");
        return this;
    }

    /**
     * The JDK client to send with, for a proxy, TLS settings or an executor of your own; {@link #connectTimeout}
     * is then the client's own. Default: a client of its own, HTTP/2 over TLS and HTTP/1.1 to an {@code http} URL.
     */
    public HttpEventLogBuilder httpClient(HttpClient client) {
        this.httpClient = Objects.requireNonNull(client, "httpClient");
        return this;
    }

    /** How long connecting may take. Default 5 s: far above any healthy connect, short enough to retry soon. */
    public HttpEventLogBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive("connectTimeout", timeout);
        return this;
    }

    /**
     * The most sendings of one request, 1 to 20. Default 5: with the default backoff they span about two seconds
     * of a throttled or restarting API, after which the caller (an {@code EventPublisher} retries the batch with its
     * own, longer backoff) decides.
     */
    public HttpEventLogBuilder maxAttempts(int attempts) {
        if (attempts < 1 || attempts > 20) {
            throw new IllegalArgumentException("'maxAttempts' must be from 1 to 20 (got " + attempts + ")");
        }
        this.maxAttempts = attempts;
        return this;
    }

    /**
     * The backoff between attempts: retry {@code n} waits a random time below {@code min(max, initial * 2^n)}, or
     * the answer's {@code Retry-After} if that is longer. Default 100 ms to 5 s.
     */
    public HttpEventLogBuilder backoff(Duration initial, Duration max) {
        positive("backoff initial", initial);
        positive("backoff max", max);
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the backoff's max must not be below its initial wait");
        }
        this.initialBackoff = initial;
        this.maxBackoff = max;
        return this;
    }

    /**
     * How long one attempt waits for its answer. Default 30 s: API Gateway ends an integration at 30 s, so a longer
     * wait would never see an answer, and a shorter one could give up on a request that is still being served.
     */
    public HttpEventLogBuilder attemptTimeout(Duration timeout) {
        this.attemptTimeout = positive("attemptTimeout", timeout);
        return this;
    }

    /**
     * How long one request may take from its first sending to its last answer, retries and waits included; no retry
     * starts that would wait past it. Default 60 s: two full attempts, so a call never blocks its thread for long.
     */
    public HttpEventLogBuilder deadline(Duration deadline) {
        this.deadline = positive("deadline", deadline);
        return this;
    }

    /**
     * Request bodies larger than this many bytes are sent gzip-compressed ({@code Content-Encoding: gzip}). Default
     * 4096: a batch of 25 small events stays below it and is sent as it is, since compressing what fits in a few
     * packets costs both sides more than it saves; larger batches shrink several times over.
     */
    public HttpEventLogBuilder gzipAbove(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("'gzipAbove' must not be negative (got " + bytes + ")");
        }
        this.gzipAbove = bytes;
        return this;
    }

    public HttpEventLog build() {
        if (endpoint == null) {
            throw new IllegalStateException("an HttpEventLog needs the API's endpoint: builder().endpoint(URI)");
        }
        if (credentials != null && region == null) {
            throw new IllegalStateException(
                    "credentials are used to sign with SigV4, which needs the API's region: add .region(Region)");
        }
        RequestSigning signing = region == null
                ? RequestSigning.none()
                : new SigV4Signing(
                        region,
                        credentials != null
                                ? credentials
                                : DefaultCredentialsProvider.builder().build());
        HttpClient client = httpClient != null
                ? httpClient
                : HttpClient.newBuilder()
                        .connectTimeout(connectTimeout)
                        .version(
                                "https".equalsIgnoreCase(endpoint.getScheme())
                                        ? HttpClient.Version.HTTP_2
                                        : HttpClient.Version.HTTP_1_1)
                        .build();
        RetrySettings retries = new RetrySettings(
                maxAttempts, attemptTimeout, deadline, new RetryDelays(initialBackoff, maxBackoff, Clock.systemUTC()));
        return new HttpEventLog(new RetryingTransport(client, endpoint, signing, retries, gzipAbove));
    }

    private static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(
                    "'" + name + "' must be above zero and at most one hour (got " + value + ")");
        }
        return value;
    }
}
