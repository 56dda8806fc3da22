package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.StoreConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Where the store is, read from environment variables with the names AWS tools and Lambda use. */
record DynamoDbSettings(
        String tableName,
        Region region,
        URI endpoint,
        AwsCredentialsProvider credentials,
        StoreCallTimeouts timeouts,
        int writeShards) {

    static final String TABLE_NAME = "TABLE_NAME";
    static final String WRITE_SHARDS = "EVENTLOG_WRITE_SHARDS";

    static DynamoDbSettings from(Map<String, String> env) {
        String tableName = first(env, TABLE_NAME);
        if (tableName == null) {
            throw misconfigured(
                    "TABLE_NAME is not set; set it to the name of the DynamoDB table that holds the events");
        }
        String region = first(env, "AWS_REGION", "AWS_DEFAULT_REGION");
        if (region == null) {
            throw misconfigured(
                    "neither AWS_REGION nor AWS_DEFAULT_REGION is set; set one to the table's region, e.g. us-east-1");
        }
        return new DynamoDbSettings(
                tableName,
                Region.of(region),
                endpoint(env),
                credentials(env),
                StoreCallTimeouts.from(env),
                writeShards(env));
    }

    private static int writeShards(Map<String, String> env) {
        String text = first(env, WRITE_SHARDS);
        if (text == null) {
            return 1;
        }
        if (text.matches("[0-9]{1,2}")) {
            int shards = Integer.parseInt(text);
            if (shards >= ShardLayout.MIN_SHARDS && shards <= ShardLayout.MAX_SHARDS) {
                return shards;
            }
        }
        throw misconfigured(WRITE_SHARDS + " must be a whole number from " + ShardLayout.MIN_SHARDS + " to "
                + ShardLayout.MAX_SHARDS + " (got '" + text
                + "'); it must equal the number the table was first written with");
    }

    private static URI endpoint(Map<String, String> env) {
        String name = env.get("AWS_ENDPOINT_URL_DYNAMODB") != null
                        && !env.get("AWS_ENDPOINT_URL_DYNAMODB").isBlank()
                ? "AWS_ENDPOINT_URL_DYNAMODB"
                : "AWS_ENDPOINT_URL";
        String text = first(env, name);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw misconfigured(
                        name + " must be an http or https URL such as http://127.0.0.1:8000 (got '" + text + "')");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw misconfigured(name + " is not a valid URL (got '" + text + "'): " + e.getReason());
        }
    }

    /**
     * Keys given in the environment (as Lambda gives them) are used as they are, read from the map so that the
     * map, not the process, decides; otherwise the SDK's default chain finds them (profile, container, instance).
     */
    private static AwsCredentialsProvider credentials(Map<String, String> env) {
        String keyId = first(env, "AWS_ACCESS_KEY_ID");
        if (keyId == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String secret = first(env, "AWS_SECRET_ACCESS_KEY");
        if (secret == null) {
            throw misconfigured("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both or neither");
        }
        String token = first(env, "AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(
                token == null
                        ? AwsBasicCredentials.create(keyId, secret)
                        : AwsSessionCredentials.create(keyId, secret, token));
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static StoreConfigurationException misconfigured(String message) {
        return new StoreConfigurationException(message, null);
    }
}
