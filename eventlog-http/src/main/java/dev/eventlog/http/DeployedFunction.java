package dev.eventlog.http;

import dev.eventlog.core.retention.RetentionPolicy;
import java.time.Duration;

/**
 * What the deployed function and its deployment (the CDK construct) agree on: the handler, the environment
 * variables the function reads, and its timeout. Both read them here, so they cannot drift apart.
 */
public final class DeployedFunction {

    /** The handler string of the function in {@code eventlog-lambda.jar}. */
    public static final String HANDLER = "dev.eventlog.lambda.EventLogHandler::handleRequest";

    /** The DynamoDB table that holds the events; required. */
    public static final String TABLE_NAME_VARIABLE = "TABLE_NAME";
    /** The table's number of write shards, 1-64; fixed by the table's first write. */
    public static final String WRITE_SHARDS_VARIABLE = "EVENTLOG_WRITE_SHARDS";
    /** Days an event is kept, 1-36500; unset keeps events for ever. */
    public static final String RETENTION_DAYS_VARIABLE = RetentionPolicy.DAYS_VARIABLE;
    /** Overrides the DynamoDB call timeout, in milliseconds (at least 100). */
    public static final String CALL_TIMEOUT_VARIABLE = "EVENTLOG_CALL_TIMEOUT_MS";

    /**
     * The function's timeout. The HTTP API gives up on an integration after 30 s. 20 s leaves the other 10 s for a
     * SnapStart restore, which Lambda allows 10 s (runtime and afterRestore hooks included), so the caller always
     * gets the function's own answer, such as a clean 503 once the store's client gives up on the table, never the
     * gateway's timeout. The store's call timeouts are chosen to fit it.
     */
    public static final int TIMEOUT_SECONDS = 20;

    public static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

    private DeployedFunction() {}
}
