package dev.eventlog.local;

/** A bad command line: the message is the one-line error the runner prints before exiting with status 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
