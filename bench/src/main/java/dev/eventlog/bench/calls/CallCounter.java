package dev.eventlog.bench.calls;

import dev.eventlog.bench.dynalite.DynaliteStores;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Counts the requests a DynamoDB client sends, by operation ({@code PutItem}, {@code Query}...): each attempt as it
 * goes on the wire, so a retried call counts as often as DynamoDB would see it.
 */
final class CallCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder()).increment();
    }

    /** The requests sent since the last call, by operation, and starts counting afresh. */
    synchronized Map<String, Long> take() {
        Map<String, Long> taken = new TreeMap<>();
        calls.forEach((operation, count) -> {
            long sum = count.sumThenReset();
            if (sum > 0) {
                taken.put(operation, sum);
            }
        });
        return taken;
    }

    /** A client for dynalite as the store builds its own (the JDK's HTTP client, region and keys given), counted. */
    DynamoDbClient client() {
        return DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(DynaliteStores.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(this))
                .build();
    }
}
