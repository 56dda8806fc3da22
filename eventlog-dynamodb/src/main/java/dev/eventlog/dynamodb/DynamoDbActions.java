package dev.eventlog.dynamodb;

import java.util.List;

/**
 * The IAM actions of the DynamoDB operations this adapter sends: the one list that the deployed function's policy
 * is held equal to, and that a test on a real DynamoDB-protocol server holds the operations actually sent within.
 * {@link UserIndexBackfill} also sends {@code UpdateItem}; it is an operator's tool run outside the function, so its
 * action is deliberately not here.
 */
public final class DynamoDbActions {

    /** Every operation {@link DynamoDbEventLog} calls on its table, as IAM names them. */
    public static final List<String> USED =
            List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan");

    /** The global secondary index the store reads a user's events from; IAM grants on it are separate from the table's. */
    public static final String USER_INDEX = UserIndex.NAME;

    /** Every operation {@link DynamoDbEventLog} calls on {@link #USER_INDEX}: reading only. */
    public static final List<String> USED_ON_USER_INDEX = List.of("dynamodb:Query");

    private DynamoDbActions() {}
}
