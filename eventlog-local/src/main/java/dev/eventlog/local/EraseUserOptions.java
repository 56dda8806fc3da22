package dev.eventlog.local;

/** Everything {@code erase-user} was told: the user, whether only to count, and the store. */
public record EraseUserOptions(String user, boolean dryRun, StoreOptions store) {}
