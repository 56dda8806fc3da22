package dev.eventlog.dynamodb;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.StoreConfigurationException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@link DynamoDbEventLog#checkTable} tells a usable table from a missing or foreign one, by reading only, and says
 * what a usable one lacks.
 */
class DynamoDbTableCheckTest {

    private static DynaliteServer dynalite;

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.start();
    }

    @AfterAll
    static void stop() {
        dynalite.stop();
    }

    @Test
    void aMissingTable_isAConfigurationErrorNamingIt() {
        StoreConfigurationException missing = assertThrows(
                StoreConfigurationException.class,
                () -> DynamoDbEventLog.checkTable(dynalite.client(), "check-missing"));
        assertTrue(missing.getMessage().contains("'check-missing'"), missing.getMessage());
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void aTableOfThisStore_passes_withNothingLacking() {
        assertEquals(List.of(), DynamoDbEventLog.createTable(dynalite.client(), "check-usable"));
        assertEquals(
                List.of(), assertDoesNotThrow(() -> DynamoDbEventLog.checkTable(dynalite.client(), "check-usable")));
    }

    @Test
    void aTableMadeBeforeTheUserIndex_passes_butSaysWhatItLacksAndHowToAddIt() {
        dynalite.createTableWithoutUserIndex("check-no-index");

        List<String> lacking = DynamoDbEventLog.checkTable(dynalite.client(), "check-no-index");

        assertEquals(1, lacking.size(), lacking.toString());
        String said = lacking.get(0);
        assertTrue(said.contains("'check-no-index' has no 'byUser' index"), said);
        assertTrue(said.contains("hash key userId S, range key at S, projection ALL"), said);
        assertTrue(said.contains("backfill-user-index"), said);
        // --create-table on such a table keeps it (dynalite, like older tools, cannot add an index in place) and
        // says the same.
        assertEquals(lacking, DynamoDbEventLog.createTable(dynalite.client(), "check-no-index"));
    }

    @Test
    void aTableWithOtherKeys_isAConfigurationError() {
        dynalite.client()
                .createTable(r -> r.tableName("check-foreign")
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .billingMode("PAY_PER_REQUEST"));
        StoreConfigurationException foreign = assertThrows(
                StoreConfigurationException.class,
                () -> DynamoDbEventLog.checkTable(dynalite.client(), "check-foreign"));
        assertTrue(foreign.getMessage().contains("'check-foreign'"), foreign.getMessage());
    }
}
