package dev.eventlog.core.port;

/** What appending one event did: stored it, found it already stored identically, or found other content at its key. */
public enum AppendOutcome {
    CREATED,
    EXISTING,
    CONFLICT;

    /** The lower-case name the HTTP API reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
