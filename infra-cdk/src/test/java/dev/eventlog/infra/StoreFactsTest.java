package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventlog.dynamodb.DynamoDbActions;
import dev.eventlog.dynamodb.StoreCallTimeouts;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the DynamoDB store needs from the deployment, held equal to what this app grants: the table actions the
 * store sends (recorded on a real DynamoDB-protocol server by the store's own tests), the index it reads and the one
 * action it sends there, and the function timeout its call timeouts are chosen for.
 */
class StoreFactsTest {

    @Test
    void theTablePolicy_grantsExactlyTheActionsTheStoreSends() {
        assertEquals(Set.copyOf(DynamoDbActions.USED), Set.copyOf(EventFunction.TABLE_ACTIONS));
        assertEquals(
                EventFunction.TABLE_ACTIONS.size(),
                Set.copyOf(EventFunction.TABLE_ACTIONS).size(),
                "no action twice");
    }

    @Test
    void theUserIndex_isTheOneTheStoreReads_andOnlyItsQueryIsGranted() {
        assertEquals(DynamoDbActions.USER_INDEX, EventTable.USER_INDEX);
        assertEquals(Set.copyOf(DynamoDbActions.USED_ON_USER_INDEX), Set.copyOf(EventFunction.USER_INDEX_ACTIONS));
        // The backfill command's UpdateItem runs with an operator's credentials, never the function's.
        assertEquals(false, EventFunction.TABLE_ACTIONS.contains("dynamodb:UpdateItem"));
    }

    @Test
    void theFunctionTimeout_isTheOneTheStoreCallTimeoutsAreChosenFor() {
        assertEquals(
                StoreCallTimeouts.FUNCTION_TIMEOUT.toSeconds(),
                EventFunction.TIMEOUT.toSeconds().longValue());
    }
}
