package dev.eventlog.dynamodb;

import static dev.eventlog.core.port.TestEvents.event;
import static dev.eventlog.core.port.TestEvents.key;
import static dev.eventlog.core.port.TestEvents.uniqueDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreUnavailableException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test harness itself: a server on disk keeps acknowledged events through a kill and a restart. */
class DynaliteServerTest {

    @Test
    void eventsOnDisk_surviveAKillAndARestartOnTheSamePort(@TempDir Path data) {
        try (DynaliteServer server = DynaliteServer.start(data)) {
            DynamoDbEventLog.createTable(server.client(), "events-durable");
            DynamoDbEventLog store = DynamoDbEventLog.builder()
                    .client(server.client())
                    .tableName("events-durable")
                    .build();
            EventRecord acknowledged = event(key(uniqueDay(), "11:11:11.111"));
            store.append(acknowledged);
            int port = server.port();

            server.kill();
            assertFalse(server.isRunning());
            assertThrows(StoreUnavailableException.class, () -> store.find(acknowledged.key()));

            server.restart();
            assertTrue(server.isRunning());
            assertEquals(port, server.port());
            assertEquals(Optional.of(acknowledged), store.find(acknowledged.key()));
        }
    }

    @Test
    void stoppedServer_answersNoMore() {
        DynaliteServer server = DynaliteServer.start();
        try {
            DynamoDbEventLog.createTable(server.client(), "events-stop");

            server.stop();

            assertFalse(server.isRunning());
            DynamoDbEventLog store = DynamoDbEventLog.builder()
                    .client(server.client())
                    .tableName("events-stop")
                    .build();
            assertThrows(
                    StoreUnavailableException.class,
                    () -> store.find(key(uniqueDay(), "00:00:01.000").withId("any")));
        } finally {
            server.close();
        }
    }
}
