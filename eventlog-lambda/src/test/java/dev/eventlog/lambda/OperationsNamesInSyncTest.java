package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.eventlog.core.retention.RetentionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CDK app names the function's metrics, its retention variable and the TTL attribute again, for alarms, the
 * dashboard, the environment and the table; the copies must agree with what the function writes and reads.
 */
class OperationsNamesInSyncTest {

    private static final Path INFRA = Path.of("..", "infra-cdk", "src", "main", "java", "dev", "eventlog", "infra");
    private static final Pattern CONSTANT = Pattern.compile("public static final String (\\w+) = \"([^\"]*)\";");

    private static Map<String, String> constants(String file) throws IOException {
        Map<String, String> constants = new HashMap<>();
        Matcher matcher = CONSTANT.matcher(Files.readString(INFRA.resolve(file)));
        while (matcher.find()) {
            constants.put(matcher.group(1), matcher.group(2));
        }
        return constants;
    }

    @Test
    void metricNamesNamespaceAndDimension_areTheOnesTheFunctionWrites() throws IOException {
        Map<String, String> infra = constants("EventMetrics.java");
        InvocationMetrics metrics = new InvocationMetrics(true);
        metrics.readPage(0);
        JsonObject document = metrics.document(1_717_000_000_000L, "GET /events", 200);
        Set<String> written = new HashSet<>(document.keySet());
        written.remove("_aws");
        written.remove(InvocationMetrics.ROUTE);

        assertEquals(InvocationMetrics.NAMESPACE, infra.get("NAMESPACE"));
        assertEquals(InvocationMetrics.ROUTE, infra.get("ROUTE_DIMENSION"));
        infra.remove("NAMESPACE");
        infra.remove("ROUTE_DIMENSION");
        assertEquals(written, new HashSet<>(infra.values()));
    }

    @Test
    void retentionVariableAndTtlAttribute_areTheOnesTheFunctionAndStoreUse() throws IOException {
        assertEquals(
                RetentionPolicy.DAYS_VARIABLE, constants("EventFunction.java").get("RETENTION_DAYS_VARIABLE"));
        assertEquals("expiresAt", constants("EventTable.java").get("EXPIRES_AT_ATTRIBUTE"));
    }
}
