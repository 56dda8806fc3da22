package dev.eventlog.local.reliability;

/** Test harness: lets a {@link FaultProxy} answer a request itself instead of forwarding it to the store. */
@FunctionalInterface
interface RequestGate {

    /** Forwards every request. */
    RequestGate FORWARD_ALL = request -> null;

    /** The bytes of a complete HTTP response to send in the store's place, or null to forward the request. */
    byte[] answerInstead(HttpMessage request);
}
