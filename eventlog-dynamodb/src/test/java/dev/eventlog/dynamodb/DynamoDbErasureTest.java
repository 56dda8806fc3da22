package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.port.ErasureReport;
import dev.eventlog.core.port.EventErasureContract;
import dev.eventlog.core.port.EventErasurePort;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB store honours the erasure contract with four write shards, erases the original system's items of the
 * user that the index does not hold, and refuses a table without the index with what to do.
 */
class DynamoDbErasureTest extends EventErasureContract {

    private static final String TABLE = "erasure";

    private static DynaliteServer server;
    private static DynamoDbEventLog store;

    @BeforeAll
    static void startServer() {
        server = DynaliteServer.start();
        DynamoDbEventLog.createTable(server.client(), TABLE);
        store = DynamoDbEventLog.builder()
                .client(server.client())
                .tableName(TABLE)
                .writeShards(4)
                .build();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected EventLogPort createLog() {
        return store;
    }

    @Override
    protected EventErasurePort erasureOf(EventLogPort log) {
        return (DynamoDbEventLog) log;
    }

    @Test
    void originalItemsOfTheUser_areErasedThoughTheIndexDoesNotHoldThem() {
        String table = "erasure-original";
        DynamoDbEventLog.createTable(server.client(), table);
        LocalDate old = TableItems.uniquePastDay();
        TableItems.write(
                server.client(),
                table,
                List.of(
                        TableItems.original(old.toString(), "09:00:00", "ann", "login"),
                        TableItems.original(old.toString(), "09:00:01.500", "ann", "view"),
                        TableItems.original(old.toString(), "09:00:02", "bob", "login")));
        DynamoDbEventLog original = DynamoDbEventLog.builder()
                .client(server.client())
                .tableName(table)
                .build();
        EventRecord recent = event(key(LocalDate.of(2030, 1, 2), "10:00:00.000"), "ann", "logout");
        original.append(recent);

        ErasureReport report = original.erase("ann");

        assertEquals(3, report.events());
        assertEquals(
                List.of("bob"),
                original.query(EventQuery.of(new QueryScope.Day(old)), Optional.empty()).items().stream()
                        .map(EventRecord::userId)
                        .toList());
        assertEquals(Optional.empty(), original.find(recent.key()));
    }

    @Test
    void aTableWithoutTheIndex_isRefusedWithTheFix() {
        server.createTableWithoutUserIndex("erasure-no-index");
        DynamoDbEventLog withoutIndex = DynamoDbEventLog.builder()
                .client(server.client())
                .tableName("erasure-no-index")
                .build();

        StoreConfigurationException refused =
                assertThrows(StoreConfigurationException.class, () -> withoutIndex.erase("ann"));
        assertTrue(refused.getMessage().contains("'byUser'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("backfill-user-index"), refused.getMessage());
    }
}
