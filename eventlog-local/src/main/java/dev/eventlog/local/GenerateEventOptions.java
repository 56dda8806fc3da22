package dev.eventlog.local;

import java.util.Optional;

/**
 * Everything {@code generate-event} was told: the route's method, the raw path and query as a client would send
 * them, and the body.
 */
public record GenerateEventOptions(String method, String rawPath, String rawQuery, Optional<String> body) {}
