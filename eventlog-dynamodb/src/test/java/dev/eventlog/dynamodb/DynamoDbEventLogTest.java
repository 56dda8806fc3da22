package dev.eventlog.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.port.EventLogPortContract;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The DynamoDB store honours the whole port contract, on a real DynamoDB-protocol server (dynalite). The run also
 * records the {@code X-Amz-Target} of every request the store sends: each
 * must be an action in {@link DynamoDbActions#USED}, the list the deployed function's IAM policy is held equal to,
 * so a new operation in the store without a grant in the policy fails the build here instead of in production.
 */
class DynamoDbEventLogTest extends EventLogPortContract {

    private static final Set<String> SENT = ConcurrentHashMap.newKeySet();
    private static final Set<String> SENT_TO_USER_INDEX = ConcurrentHashMap.newKeySet();
    private static DynaliteServer server;
    private static DynamoDbClient recordingClient;
    private static DynamoDbEventLog store;

    @BeforeAll
    static void startServer() {
        server = DynaliteServer.start();
        // The table is created by the CDK app in production, so its creation is not the store's to record.
        DynamoDbEventLog.createTable(server.client(), "events-operations");
        recordingClient = server.clientWith(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof QueryRequest query && query.indexName() != null) {
                    SENT_TO_USER_INDEX.add("dynamodb:Query on " + query.indexName());
                }
            }

            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                String target = context.httpRequest()
                        .firstMatchingHeader("X-Amz-Target")
                        .orElse("(none)");
                SENT.add("dynamodb:" + target.substring(target.indexOf('.') + 1));
            }
        });
        store = DynamoDbEventLog.builder()
                .client(recordingClient)
                .tableName("events-operations")
                .build();
    }

    @AfterAll
    static void operationsSentAreWithinTheGrantedActions() {
        recordingClient.close();
        server.close();
        System.out.println("[operations] sent during the contract suite: " + new TreeSet<>(SENT));
        assertTrue(
                Set.copyOf(DynamoDbActions.USED).containsAll(SENT),
                "sent " + SENT + ", granted " + DynamoDbActions.USED);
        // Equal, not only within: an action granted but never sent would be privilege the function does not need.
        assertEquals(new TreeSet<>(DynamoDbActions.USED), new TreeSet<>(SENT));
        // The index gets a grant of its own in the policy, for exactly these actions.
        assertEquals(
                new TreeSet<>(DynamoDbActions.USED_ON_USER_INDEX.stream()
                        .map(a -> a + " on " + DynamoDbActions.USER_INDEX)
                        .toList()),
                new TreeSet<>(SENT_TO_USER_INDEX));
    }

    @Override
    protected EventLogPort createPort() {
        return store;
    }
}
