package dev.eventlog.bench.straightforward;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The original function's cold path written the straightforward way in Java: a client with the SDK's defaults
 * (HTTP client found on the classpath, region and credentials looked up by the default chains), one
 * unconditional {@code PutItem} and one {@code Scan}. Only the endpoint is set, to reach dynalite.
 */
public final class StraightforwardColdPath {

    private StraightforwardColdPath() {
    }

    public static void main(String[] args) {
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_DYNAMODB")))
                .build();
        String table = System.getenv("TABLE_NAME");
        String now = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS"));
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "date", AttributeValue.fromS(now.substring(0, 10)),
                "time", AttributeValue.fromS(now.substring(11, 23)),
                "userId", AttributeValue.fromS("straightforward"),
                "eventType", AttributeValue.fromS("cold-start"))));
        ScanResponse scanned = dynamo.scan(b -> b.tableName(table));
        System.out.println("{\"put\":1,\"scanned\":" + scanned.count() + "}");
    }
}
