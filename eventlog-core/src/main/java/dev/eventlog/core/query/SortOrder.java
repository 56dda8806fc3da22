package dev.eventlog.core.query;

/** Direction of a date-bounded query: oldest first or newest first. */
public enum SortOrder {
    ASC,
    DESC
}
