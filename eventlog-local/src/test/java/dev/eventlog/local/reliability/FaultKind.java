package dev.eventlog.local.reliability;

/** Test harness: the storage faults the {@link FaultProxy} injects, one per request at most. */
enum FaultKind {
    /** The connection is reset (TCP RST) before the request reaches the store. */
    CONNECTION_RESET,
    /** The request is held past the client's attempt timeout, then forwarded; the late answer goes nowhere. */
    DELAY_PAST_TIMEOUT,
    /** HTTP 400 with DynamoDB's {@code ThrottlingException}. */
    THROTTLING,
    /** HTTP 400 with DynamoDB's {@code ProvisionedThroughputExceededException}. */
    THROUGHPUT_EXCEEDED,
    /** HTTP 500 with DynamoDB's {@code InternalServerError}. */
    INTERNAL_ERROR,
    /** A write reaches the store and succeeds, but its response is dropped and the connection reset. */
    WRITE_THEN_DROP_RESPONSE
}
