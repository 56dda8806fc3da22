package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.dynamodb.DynaliteServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --store dynamodb} options open a working store on any endpoint, here dynalite on loopback. */
class DynamoDbStoreTest {

    private static DynaliteServer dynalite;

    @BeforeAll
    static void startDynalite() {
        dynalite = DynaliteServer.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.stop();
    }

    @Test
    void storeOptions_withEndpointAndCreateTable_openATableThatRoundTrips() throws Exception {
        StoreOptions options = new CommandLineParser(Map.of()).parseInvoke(List.of("--event", "unused.json",
                "--store", "dynamodb", "--endpoint-url", dynalite.endpoint().toString(), "--table", "runner-store",
                "--region", "us-east-1", "--create-table")).store();
        try (OpenedStore store = StoreFactory.open(options)) {
            EventRecord event = new EventRecord(EventKey.parse("2024-07-01", "08:00:00", "runner-1"), "u1", "login");
            assertEquals(AppendOutcome.CREATED, store.port().append(event).outcome());
            assertEquals(AppendOutcome.EXISTING, store.port().append(event).outcome());
            assertEquals(event, store.port().find(event.key()).orElseThrow());
        }
        assertTrue(options.describe().contains("runner-store"));
    }
}
