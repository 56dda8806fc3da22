package dev.eventlog.local;

import dev.eventlog.core.retention.RetentionPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Which store the runner wires behind the handler: the embedded in-memory one (kept in an NDJSON file when
 * {@code data} names one), or DynamoDB at AWS or at any endpoint (a local emulator), optionally creating the table
 * first, with its number of write shards and an optional retention period in days (0: keep forever).
 */
public record StoreOptions(
        Kind kind,
        String table,
        Optional<URI> endpoint,
        String region,
        boolean createTable,
        int writeShards,
        int retentionDays,
        Optional<Path> data) {

    /** Options with one write shard (the original layout) that keep every event. */
    public StoreOptions(Kind kind, String table, Optional<URI> endpoint, String region, boolean createTable) {
        this(kind, table, endpoint, region, createTable, 1, 0);
    }

    /** Options without a data file. */
    public StoreOptions(
            Kind kind,
            String table,
            Optional<URI> endpoint,
            String region,
            boolean createTable,
            int writeShards,
            int retentionDays) {
        this(kind, table, endpoint, region, createTable, writeShards, retentionDays, Optional.empty());
    }

    /** The retention rule these options ask for, on the system clock. */
    public RetentionPolicy retention() {
        return retentionDays == 0
                ? RetentionPolicy.keepForever()
                : RetentionPolicy.days(retentionDays, Clock.systemUTC());
    }

    /** The store technologies the runner can wire. */
    public enum Kind {
        MEMORY,
        DYNAMODB
    }

    public static final String DEFAULT_TABLE = "EventLog";

    /** A human-readable summary for the startup banner. */
    public String describe() {
        if (kind == Kind.MEMORY) {
            return data.map(file -> "in-memory, kept in " + file).orElse("in-memory (data is lost on exit)")
                    + retentionNote();
        }
        return "DynamoDB table '" + table + "' in " + region
                + endpoint.map(e -> " at " + e).orElse("")
                + (writeShards == 1 ? "" : " with " + writeShards + " write shards") + retentionNote();
    }

    private String retentionNote() {
        return retentionDays == 0 ? "" : ", events kept " + retention().describe();
    }
}
