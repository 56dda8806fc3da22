package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.InvalidInputException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Whether the table's {@code byUser} index can be read. A table made before the index existed (the original
 * system's, or an earlier version's) answers a query on it with a validation error, as does an index still being
 * built; a user's events of a date or a range are then read from the day partitions with a filter, and a user's
 * whole history is refused with what to do. The index is tried again once a minute, so one added meanwhile is
 * used soon.
 */
final class UserIndexPresence {

    static final long RECHECK_NANOS = 60_000_000_000L;

    private final String tableName;
    private final LongSupplier nanoClock;
    private volatile OptionalLong missingSince = OptionalLong.empty();

    UserIndexPresence(String tableName, LongSupplier nanoClock) {
        this.tableName = tableName;
        this.nanoClock = nanoClock;
    }

    /** False while the index is known to be missing, for a minute after a query found it so. */
    boolean worthTrying() {
        OptionalLong since = missingSince;
        return since.isEmpty() || nanoClock.getAsLong() - since.getAsLong() >= RECHECK_NANOS;
    }

    /** The read's result, or empty when the index cannot be read (remembered for a minute). */
    <T> Optional<T> ifPresent(Supplier<T> read) {
        try {
            T result = read.get();
            missingSince = OptionalLong.empty();
            return Optional.of(result);
        } catch (DynamoDbException e) {
            if (!unreadableIndex(e)) {
                throw e;
            }
            missingSince = OptionalLong.of(nanoClock.getAsLong());
            return Optional.empty();
        }
    }

    /** The refusal of a user's whole history, which only the index can read without scanning the table. */
    InvalidInputException userQueryNeedsDates() {
        return new InvalidInputException(
                "userId",
                "needs 'date', or 'from' and 'to', on this deployment: table '" + tableName + "' has no readable '"
                        + UserIndex.NAME + "' index to read a user's whole history from. An operator adds it"
                        + " (global secondary index '" + UserIndex.NAME + "': hash key " + EventItem.USER_ID
                        + " S, range key " + EventItem.AT + " S, projection ALL; a table the CDK stack made gets it"
                        + " on the next deploy) and runs backfill-user-index");
    }

    /** DynamoDB's answer to a query on an index the table lacks, or on one still being built. */
    static boolean unreadableIndex(DynamoDbException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message =
                e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return "ValidationException".equals(code)
                && message != null
                && (message.contains("does not have the specified index") || message.contains("backfilling"));
    }
}
