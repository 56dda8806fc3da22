package dev.eventlog.dynamodb;

import dev.eventlog.core.query.EventQuery;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The filter expression a read sends DynamoDB: the query's {@code eventType}, and its {@code userId} where the read
 * cannot use the user's index (a table made before the index, read by day).
 */
record ItemFilter(String userId, String eventType) {

    /** The filter of a read by key ranges of the table or the index: the user is in the key condition of the latter. */
    static ItemFilter typeOnly(EventQuery query) {
        return new ItemFilter(null, query.eventType());
    }

    /** The filter of a read that must find a user's events among everyone's. */
    static ItemFilter userAndType(EventQuery query) {
        return new ItemFilter(query.userId(), query.eventType());
    }

    /** Adds the names and values the expression uses; returns the expression, or null when nothing is filtered. */
    String apply(Map<String, String> names, Map<String, AttributeValue> values) {
        String expression = null;
        if (eventType != null) {
            names.put("#e", EventItem.EVENT_TYPE);
            values.put(":e", AttributeValue.fromS(eventType));
            expression = "#e = :e";
        }
        if (userId != null) {
            names.put("#u", EventItem.USER_ID);
            values.put(":u", AttributeValue.fromS(userId));
            expression = expression == null ? "#u = :u" : expression + " AND #u = :u";
        }
        return expression;
    }
}
