package dev.eventlog.infra;

/** How the table pays for throughput: on demand, or provisioned with fixed read and write capacity units. */
record TableBilling(boolean provisioned, int readCapacity, int writeCapacity) {

    public TableBilling {
        if (provisioned && (readCapacity < 1 || writeCapacity < 1)) {
            throw new IllegalArgumentException("provisioned capacity must be at least 1 read and 1 write unit");
        }
    }

    public static TableBilling onDemand() {
        return new TableBilling(false, 0, 0);
    }

    public static TableBilling provisioned(int readCapacity, int writeCapacity) {
        return new TableBilling(true, readCapacity, writeCapacity);
    }
}
