package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventlog.dynamodb.DynamoDbActions;
import dev.eventlog.dynamodb.StoreCallTimeouts;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the DynamoDB store needs from the deployment, held equal to what this app grants: the table actions the
 * store sends (recorded on a real DynamoDB-protocol server by the store's own tests) and the function timeout its
 * call timeouts are chosen for.
 */
class StoreFactsTest {

  @Test
  void theTablePolicy_grantsExactlyTheActionsTheStoreSends() {
    assertEquals(Set.copyOf(DynamoDbActions.USED), Set.copyOf(EventFunction.TABLE_ACTIONS));
    assertEquals(EventFunction.TABLE_ACTIONS.size(), Set.copyOf(EventFunction.TABLE_ACTIONS).size(), "no action twice");
  }

  @Test
  void theFunctionTimeout_isTheOneTheStoreCallTimeoutsAreChosenFor() {
    assertEquals(StoreCallTimeouts.FUNCTION_TIMEOUT.toSeconds(), EventFunction.TIMEOUT.toSeconds().longValue());
  }
}
