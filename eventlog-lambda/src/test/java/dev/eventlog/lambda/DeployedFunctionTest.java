package dev.eventlog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.dynamodb.StoreCallTimeouts;
import dev.eventlog.http.DeployedFunction;
import dev.eventlog.http.FunctionMetrics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The function does what {@link DeployedFunction} and {@link FunctionMetrics} tell its deployment: the CDK construct
 * sets those variables and that handler, and reads those metrics, from the same constants.
 */
class DeployedFunctionTest {

    @Test
    void theHandlerString_namesThisHandlersMethod() throws NoSuchMethodException {
        String[] parts = DeployedFunction.HANDLER.split("::");

        assertEquals(EventLogHandler.class.getName(), parts[0]);
        EventLogHandler.class.getMethod(parts[1], APIGatewayV2HTTPEvent.class, Context.class);
    }

    @Test
    void theVariables_areTheOnesTheWiringReads() {
        for (String variable : new String[] {
            DeployedFunction.WRITE_SHARDS_VARIABLE,
            DeployedFunction.RETENTION_DAYS_VARIABLE,
            DeployedFunction.CALL_TIMEOUT_VARIABLE
        }) {
            Map<String, String> environment = new HashMap<>(
                    Map.of(DeployedFunction.TABLE_NAME_VARIABLE, "events", "AWS_REGION", "ap-northeast-1"));
            environment.put(variable, "not-a-number");

            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> FunctionWiring.fromEnvironment(environment));

            assertTrue(refused.getMessage().contains(variable), refused.getMessage());
        }
        IllegalStateException noTable =
                assertThrows(IllegalStateException.class, () -> FunctionWiring.fromEnvironment(Map.of()));
        assertTrue(noTable.getMessage().contains(DeployedFunction.TABLE_NAME_VARIABLE), noTable.getMessage());
    }

    @Test
    void theStoresCallTimeouts_areChosenForTheDeployedTimeout() {
        assertEquals(DeployedFunction.TIMEOUT, StoreCallTimeouts.FUNCTION_TIMEOUT);
    }

    @Test
    void theMetricsWritten_areExactlyTheNamedOnes() {
        InvocationMetrics metrics = new InvocationMetrics(true);
        metrics.readPage(0);
        JsonObject document = JsonParser.parseString(metrics.document(1_717_000_000_000L, "GET /events", 200))
                .getAsJsonObject();
        Set<String> written = new HashSet<>(document.keySet());
        written.remove("_aws");

        assertTrue(written.remove(FunctionMetrics.ROUTE_DIMENSION));
        assertEquals(Set.copyOf(FunctionMetrics.ALL), written);
        assertEquals(
                FunctionMetrics.NAMESPACE,
                document.getAsJsonObject("_aws")
                        .getAsJsonArray("CloudWatchMetrics")
                        .get(0)
                        .getAsJsonObject()
                        .get("Namespace")
                        .getAsString());
    }
}
