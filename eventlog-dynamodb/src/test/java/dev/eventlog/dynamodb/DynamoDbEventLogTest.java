package dev.eventlog.dynamodb;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.port.EventLogPortContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The DynamoDB store honours the whole port contract, on a real DynamoDB-protocol server (dynalite). */
class DynamoDbEventLogTest extends EventLogPortContract {

    private static DynaliteServer server;
    private static DynamoDbEventLog store;

    @BeforeAll
    static void startServer() {
        server = DynaliteServer.start();
        DynamoDbEventLog.createTable(server.client(), "events-contract");
        store = DynamoDbEventLog.builder()
                .client(server.client())
                .tableName("events-contract")
                .build();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected EventLogPort createPort() {
        return store;
    }
}
