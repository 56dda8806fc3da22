package dev.eventlog.local;

import dev.eventlog.dynamodb.UserIndexBackfill;
import java.io.PrintStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code backfill-user-index}: gives the events written before the {@code byUser} index existed their place in it,
 * printing the counts after every page of the scan. Safe to stop and run again, and to run while the API takes
 * writes; it needs {@code UpdateItem}, which the deployed function is not granted, so it runs with an operator's
 * credentials.
 */
final class BackfillUserIndexCommand {

    private BackfillUserIndexCommand() {}

    static UserIndexBackfill.Counts run(StoreOptions options, PrintStream out) {
        out.println("Backfilling the user index of " + options.describe());
        try (DynamoDbClient client = StoreFactory.dynamoDbClient(options)) {
            UserIndexBackfill.Counts counts = new UserIndexBackfill(client, options.table())
                    .run(progress -> out.println(line("scanned", progress)));
            out.println(line("done:", counts));
            return counts;
        }
    }

    private static String line(String prefix, UserIndexBackfill.Counts counts) {
        return prefix + " " + counts.scanned() + " items; added to the index " + counts.added() + ", not events "
                + counts.notEvents() + ", indexed or deleted meanwhile " + counts.changedMeanwhile();
    }
}
