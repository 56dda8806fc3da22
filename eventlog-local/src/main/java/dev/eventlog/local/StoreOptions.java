package dev.eventlog.local;

import java.net.URI;
import java.util.Optional;

/**
 * Which store the runner wires behind the handler: the embedded in-memory one, or DynamoDB at AWS or at any
 * endpoint (a local emulator), optionally creating the table first, with its number of write shards.
 */
public record StoreOptions(Kind kind, String table, Optional<URI> endpoint, String region, boolean createTable, int writeShards) {

    /** The options with one write shard, the original layout. */
    public StoreOptions(Kind kind, String table, Optional<URI> endpoint, String region, boolean createTable) {
        this(kind, table, endpoint, region, createTable, 1);
    }

    /** The store technologies the runner can wire. */
    public enum Kind { MEMORY, DYNAMODB }

    public static final String DEFAULT_TABLE = "EventLog";

    /** A human-readable summary for the startup banner. */
    public String describe() {
        if (kind == Kind.MEMORY) {
            return "in-memory (data is lost on exit)";
        }
        return "DynamoDB table '" + table + "' in " + region + endpoint.map(e -> " at " + e).orElse("")
                + (writeShards == 1 ? "" : " with " + writeShards + " write shards");
    }
}
