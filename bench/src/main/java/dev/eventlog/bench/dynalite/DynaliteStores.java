package dev.eventlog.bench.dynalite;

import dev.eventlog.dynamodb.DynamoDbEventLog;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where the benchmarks find dynalite and its tables: the endpoint is the system property
 * {@code bench.dynamodb.endpoint} that run.sh passes down, and the tables are named by what they hold.
 */
public final class DynaliteStores {

    /** The table the warm-latency benchmarks read and write: {@link #WARM_EVENTS} sample events, then whatever is posted. */
    public static final String WARM_TABLE = "bench_warm";
    public static final int WARM_EVENTS = 1000;

    private DynaliteStores() {
    }

    /** The table holding exactly {@code size} sample events, for read cost against log size. */
    public static String sizedTable(int size) {
        return "bench_" + size;
    }

    public static URI endpoint() {
        String endpoint = System.getProperty("bench.dynamodb.endpoint");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("set -Dbench.dynamodb.endpoint=http://127.0.0.1:PORT (bench/run.sh starts dynalite and sets it)");
        }
        return URI.create(endpoint);
    }

    /** The client the store builds for itself in production: JDK HTTP client, region and keys given. */
    public static DynamoDbClient client() {
        return DynamoDbEventLog.leanClient(Region.US_EAST_1, endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")));
    }

    /**
     * A client for loading the tables before anything is measured: the store's own client gives each call the
     * deployed function's short timeouts, which parallel batch writes to a single-threaded emulator on a busy
     * 2-core machine can exceed; loading is not measured, so it may wait.
     */
    public static DynamoDbClient loadingClient() {
        return DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMinutes(2)))
                .build();
    }

    public static DynamoDbEventLog store(DynamoDbClient client, String table) {
        return DynamoDbEventLog.builder().client(client).tableName(table).build();
    }
}
