package dev.eventlog.infra;

/** A custom domain for the API, inside a Route 53 public hosted zone known by id and name (no lookup needed). */
public record CustomDomainSettings(String domainName, String hostedZoneId, String hostedZoneName) {}
