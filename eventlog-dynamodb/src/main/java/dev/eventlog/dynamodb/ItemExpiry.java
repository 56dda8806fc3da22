package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.retention.RetentionPolicy;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item attribute DynamoDB's time to live reads: {@code expiresAt}, a number of epoch seconds. The table's
 * TTL setting (the CDK app's, or {@link TableSetup} for local tables) must name the same attribute.
 */
final class ItemExpiry {

    static final String EXPIRES_AT = "expiresAt";

    private ItemExpiry() {}

    /** Adds the event's expiry to its item when the policy has a period; the item is left as it is otherwise. */
    static Map<String, AttributeValue> stamp(
            Map<String, AttributeValue> item, EventRecord event, RetentionPolicy retention) {
        OptionalLong expiresAt = retention.expiresAt(event);
        if (expiresAt.isPresent()) {
            item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt.getAsLong())));
        }
        return item;
    }
}
