package dev.eventlog.infra;

/**
 * The stage's default throttling, chosen with the function's reserved concurrency C so that the gateway answers 429
 * before Lambda refuses an invocation, which the caller would see as a 5xx.
 *
 * <p>In the worst case every request takes the function's whole timeout T (a store that does not answer, a slow
 * read). A token bucket admits at most {@code burst + rate * T} requests in any T seconds, so the calls in flight
 * stay within C when {@code burst + rate * T <= C}. A fifth of C goes to the burst and the rest to the rate: with
 * C = 100 and T = 20 s, a burst of 20 and 4 requests per second (100 events per second in batches of 25).
 */
record StageThrottle(double rateLimit, int burstLimit) {

    /** Today's throttling when no concurrency is reserved: the account's whole concurrency stands behind it. */
    static final StageThrottle WITHOUT_RESERVATION = new StageThrottle(50, 100);

    static StageThrottle forConcurrency(int reservedConcurrency) {
        int burst = Math.max(1, reservedConcurrency / 5);
        // At least one request per timeout, so that a reservation of 1 still lets requests through.
        double rate = Math.max(reservedConcurrency - burst, 1) / (double) timeoutSeconds();
        return new StageThrottle(rate, burst);
    }

    /** The most invocations this throttling can hold in flight when every one lasts the function's timeout. */
    double worstCaseConcurrency() {
        return burstLimit + rateLimit * timeoutSeconds();
    }

    /** The worst case as a sum, such as {@code 20 + 4 x 20 s = 100}. */
    String describe() {
        return burstLimit + " + " + plain(rateLimit) + " x " + timeoutSeconds() + " s = "
                + plain(worstCaseConcurrency());
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static int timeoutSeconds() {
        return EventFunction.TIMEOUT_SECONDS;
    }
}
