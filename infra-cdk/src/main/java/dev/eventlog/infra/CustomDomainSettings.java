package dev.eventlog.infra;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A custom domain for the API, inside a Route 53 public hosted zone known by id and name (no lookup needed). */
record CustomDomainSettings(String domainName, String hostedZoneId, String hostedZoneName) {

    static final String DOMAIN_NAME = "domainName";
    static final String HOSTED_ZONE_ID = "hostedZoneId";
    static final String HOSTED_ZONE_NAME = "hostedZoneName";

    private static final Pattern HOSTED_ZONE_ID_PATTERN = Pattern.compile("Z[A-Z0-9]{1,31}");
    private static final Pattern DOMAIN_PATTERN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    /**
     * The custom domain of three values given together, or none when none is given; names are compared without case
     * and without the zone's trailing dot.
     */
    static Optional<CustomDomainSettings> resolve(String domain, String zoneId, String zone, Problems problems) {
        Map<String, String> given = new LinkedHashMap<>();
        given.put(DOMAIN_NAME, domain == null ? null : domain.trim().toLowerCase(Locale.ROOT));
        given.put(HOSTED_ZONE_ID, zoneId == null ? null : zoneId.trim());
        given.put(
                HOSTED_ZONE_NAME,
                zone == null ? null : withoutTrailingDot(zone.trim().toLowerCase(Locale.ROOT)));
        long count = given.values().stream().filter(v -> v != null).count();
        if (count == 0) {
            return Optional.empty();
        }
        if (count < given.size()) {
            problems.add(
                    "a custom domain needs all of 'domainName', 'hostedZoneId' and 'hostedZoneName' (or none); missing "
                            + given.entrySet().stream()
                                    .filter(e -> e.getValue() == null)
                                    .map(e -> "'" + e.getKey() + "'")
                                    .collect(Collectors.joining(", ")));
            return Optional.empty();
        }
        String domainName = given.get(DOMAIN_NAME);
        String hostedZoneId = given.get(HOSTED_ZONE_ID);
        String hostedZoneName = given.get(HOSTED_ZONE_NAME);
        boolean valid = true;
        if (!DOMAIN_PATTERN.matcher(domainName).matches()) {
            problems.add(
                    DOMAIN_NAME,
                    "must be a fully qualified domain name such as api.example.com, got '" + domainName + "'");
            valid = false;
        }
        if (!HOSTED_ZONE_ID_PATTERN.matcher(hostedZoneId).matches()) {
            problems.add(
                    HOSTED_ZONE_ID,
                    "must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ, got '" + hostedZoneId + "'");
            valid = false;
        }
        if (!DOMAIN_PATTERN.matcher(hostedZoneName).matches()) {
            problems.add(HOSTED_ZONE_NAME, "must be a domain name such as example.com, got '" + hostedZoneName + "'");
            valid = false;
        }
        if (valid && !domainName.equals(hostedZoneName) && !domainName.endsWith("." + hostedZoneName)) {
            problems.add(
                    DOMAIN_NAME,
                    "'" + domainName + "' must lie inside the hosted zone '" + hostedZoneName
                            + "', so that its certificate can be validated and its alias record created there");
            valid = false;
        }
        return valid
                ? Optional.of(new CustomDomainSettings(domainName, hostedZoneId, hostedZoneName))
                : Optional.empty();
    }

    /** The API's base URL under this domain. */
    String url() {
        return "https://" + domainName + "/";
    }

    private static String withoutTrailingDot(String zone) {
        return zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
    }
}
