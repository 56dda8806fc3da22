package dev.eventlog.dynamodb;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.port.EventLogPortContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** With four write shards the DynamoDB store still honours the whole port contract: a day's shards read as one. */
class DynamoDbShardedEventLogTest extends EventLogPortContract {

    private static DynaliteServer server;
    private static DynamoDbEventLog store;

    @BeforeAll
    static void startServer() {
        server = DynaliteServer.start();
        DynamoDbEventLog.createTable(server.client(), "events-contract-sharded");
        store = DynamoDbEventLog.builder()
                .client(server.client())
                .tableName("events-contract-sharded")
                .writeShards(4)
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
