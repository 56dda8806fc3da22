package dev.eventlog.dynamodb;

import java.util.List;

/**
 * The IAM actions of the DynamoDB operations this adapter sends: the one list that the deployed function's policy
 * is held equal to, and that a test on a real DynamoDB-protocol server holds the operations actually sent within.
 */
public final class DynamoDbActions {

    /** Every operation {@link DynamoDbEventLog} calls on its table, as IAM names them. */
    public static final List<String> USED = List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan");

    private DynamoDbActions() {
    }
}
