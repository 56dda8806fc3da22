package dev.eventlog.local.auth;

import dev.eventlog.local.GatewayRequest;
import dev.eventlog.local.RawQuery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies AWS Signature Version 4 on incoming requests the way API Gateway does for routes with {@code AWS_IAM}
 * authorization: header-signed and presigned requests, scoped to the configured region and {@code execute-api},
 * at most 5 minutes of clock skew, presigned URLs until they expire; refusals carry API Gateway's messages.
 */
public final class SigV4Verifier {

    static final String SERVICE = "execute-api";
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final Duration MAX_PRESIGN = Duration.ofDays(7);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final String INCOMPLETE = "IncompleteSignatureException";
    private static final String INVALID_SIGNATURE = "InvalidSignatureException";
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature"
            + " you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation"
            + " for details.";

    private final IamCredentials credentials;
    private final Clock clock;
    private final SdkSignatureCalculator calculator = new SdkSignatureCalculator();

    public SigV4Verifier(IamCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Whether the request carries a valid signature by the configured credentials, and if not, why not. */
    public AuthDecision verify(GatewayRequest request) {
        Map<String, String> query = presignParameters(request);
        Optional<String> authorization = request.header("authorization");
        if (query.containsKey("X-Amz-Algorithm") || query.containsKey("X-Amz-Signature")) {
            return parsePresigned(query).map(parts -> check(request, parts), denied -> denied);
        }
        if (authorization.isEmpty()) {
            return new AuthDecision.Denied(
                    "Missing Authentication Token",
                    "MissingAuthenticationTokenException",
                    "MISSING_AUTHENTICATION_TOKEN");
        }
        return parseHeader(authorization.get(), request).map(parts -> check(request, parts), denied -> denied);
    }

    private AuthDecision check(GatewayRequest request, SignedParts parts) {
        if (!parts.accessKey().equals(credentials.accessKeyId())
                || request.header("x-amz-security-token").isPresent()
                || Optional.ofNullable(presignParameters(request).get("X-Amz-Security-Token"))
                        .isPresent()) {
            return new AuthDecision.Denied(
                    "The security token included in the request is invalid.",
                    "UnrecognizedClientException",
                    "UNAUTHORIZED");
        }
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(parts.amzDate(), Instant::from);
        } catch (DateTimeParseException e) {
            return incomplete("Date must be in ISO-8601 'basic format'. Got '" + parts.amzDate() + "'.");
        }
        if (!parts.scopeTerminator().equals("aws4_request")) {
            return incomplete("Credential should be scoped with a valid terminator: 'aws4_request', not '"
                    + parts.scopeTerminator() + "'. ");
        }
        if (!parts.scopeRegion().equals(credentials.region())) {
            return new AuthDecision.Denied(
                    "Credential should be scoped to a valid region. ", INVALID_SIGNATURE, "INVALID_SIGNATURE");
        }
        if (!parts.scopeService().equals(SERVICE)) {
            return new AuthDecision.Denied(
                    "Credential should be scoped to correct service: '" + SERVICE + "'. ",
                    INVALID_SIGNATURE,
                    "INVALID_SIGNATURE");
        }
        String dateOfDate = parts.amzDate().substring(0, 8);
        if (!parts.scopeDate().equals(dateOfDate)) {
            return new AuthDecision.Denied(
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of"
                            + " date from HTTP: '" + parts.scopeDate() + "' != '" + dateOfDate + "', from '"
                            + parts.amzDate() + "'.",
                    INVALID_SIGNATURE,
                    "INVALID_SIGNATURE");
        }
        if (!parts.signedHeaders().contains("host")) {
            return new AuthDecision.Denied(
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
                    INVALID_SIGNATURE,
                    "INVALID_SIGNATURE");
        }
        Optional<AuthDecision> stale = freshness(parts, signedAt);
        if (stale.isPresent()) {
            return stale.get();
        }
        for (String name : parts.signedHeaders()) {
            if (request.headerValues(name).isEmpty()) {
                return mismatch();
            }
        }
        byte[] given = parts.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        List<String> candidates;
        try {
            candidates = calculator.candidates(request, parts, credentials.secretAccessKey(), signedAt);
        } catch (RuntimeException e) {
            // The signers reject what no client could have signed (a malformed path, say): that is a mismatch.
            return mismatch();
        }
        boolean matched = false;
        for (String candidate : candidates) {
            // Every candidate is compared, in constant time, so timing says nothing about which one came close.
            matched |= MessageDigest.isEqual(given, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return matched ? new AuthDecision.Allowed(CallerIdentity.forAccessKey(parts.accessKey())) : mismatch();
    }

    private Optional<AuthDecision> freshness(SignedParts parts, Instant signedAt) {
        Instant now = clock.instant();
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            return Optional.of(expired("Signature not yet current: " + parts.amzDate() + " is still later than "
                    + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 5 min.)"));
        }
        if (parts.presigned()) {
            Duration lifetime = parts.expires().orElseThrow();
            if (now.isAfter(signedAt.plus(lifetime))) {
                return Optional.of(expired("Signature expired: " + parts.amzDate() + " is now earlier than "
                        + AMZ_DATE.format(now.minus(lifetime)) + " (" + AMZ_DATE.format(now) + " - "
                        + lifetime.toSeconds() + " sec.)"));
            }
        } else if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            return Optional.of(expired("Signature expired: " + parts.amzDate() + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 5 min.)"));
        }
        return Optional.empty();
    }

    private static Parsed parseHeader(String authorization, GatewayRequest request) {
        String trimmed = authorization.trim();
        if (!trimmed.startsWith(ALGORITHM + " ")) {
            return Parsed.denied(incomplete("Authorization header requires 'Credential' parameter. Authorization"
                    + " header requires 'Signature' parameter. Authorization header requires 'SignedHeaders'"
                    + " parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date'"
                    + " header."));
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : trimmed.substring(ALGORITHM.length()).split(",")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(
                        field.substring(0, eq).trim(), field.substring(eq + 1).trim());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!fields.containsKey(required) || fields.get(required).isEmpty()) {
                missing.add("Authorization header requires '" + required + "' parameter.");
            }
        }
        Optional<String> amzDate = request.header("x-amz-date");
        if (amzDate.isEmpty()) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            return Parsed.denied(incomplete(String.join(" ", missing)));
        }
        return credential(
                fields.get("Credential"),
                fields.get("SignedHeaders"),
                fields.get("Signature"),
                amzDate.get().trim(),
                false,
                Optional.empty());
    }

    private static Parsed parsePresigned(Map<String, String> query) {
        List<String> names = List.of(
                "X-Amz-Algorithm",
                "X-Amz-Credential",
                "X-Amz-Signature",
                "X-Amz-Date",
                "X-Amz-SignedHeaders",
                "X-Amz-Expires");
        for (String name : names) {
            if (!query.containsKey(name) || query.get(name).isEmpty()) {
                return Parsed.denied(incomplete("AWS query-string parameters must include 'X-Amz-Algorithm',"
                        + " 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders',"
                        + " 'X-Amz-Expires'. Re-examine the query-string parameters."));
            }
        }
        if (!query.get("X-Amz-Algorithm").equals(ALGORITHM)) {
            return Parsed.denied(incomplete("X-Amz-Algorithm only supports \"" + ALGORITHM + "\""));
        }
        long seconds;
        try {
            seconds = Long.parseLong(query.get("X-Amz-Expires"));
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > MAX_PRESIGN.toSeconds()) {
            return Parsed.denied(incomplete("X-Amz-Expires must be a whole number of seconds from 1 to "
                    + MAX_PRESIGN.toSeconds() + ", got '" + query.get("X-Amz-Expires") + "'."));
        }
        return credential(
                query.get("X-Amz-Credential"),
                query.get("X-Amz-SignedHeaders"),
                query.get("X-Amz-Signature"),
                query.get("X-Amz-Date"),
                true,
                Optional.of(Duration.ofSeconds(seconds)));
    }

    private static Parsed credential(
            String credential,
            String signedHeaders,
            String signature,
            String amzDate,
            boolean presigned,
            Optional<Duration> expires) {
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || Arrays.stream(scope).anyMatch(String::isEmpty)) {
            return Parsed.denied(incomplete("Credential must have exactly 5 slash-delimited elements, e.g."
                    + " keyid/date/region/service/term, got '" + credential + "'"));
        }
        List<String> headers = List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        return Parsed.of(new SignedParts(
                presigned, scope[0], scope[1], scope[2], scope[3], scope[4], headers, signature, amzDate, expires));
    }

    private static Map<String, String> presignParameters(GatewayRequest request) {
        Map<String, String> parameters = new HashMap<>();
        for (Map.Entry<String, String> pair : RawQuery.signedParameters(request.rawQuery())) {
            if (pair.getKey().startsWith("X-Amz-")) {
                parameters.putIfAbsent(pair.getKey(), pair.getValue());
            }
        }
        return parameters;
    }

    private static AuthDecision.Denied incomplete(String message) {
        return new AuthDecision.Denied(message, INCOMPLETE, "INVALID_SIGNATURE");
    }

    private static AuthDecision.Denied expired(String message) {
        return new AuthDecision.Denied(message, INVALID_SIGNATURE, "EXPIRED_TOKEN");
    }

    private static AuthDecision.Denied mismatch() {
        return new AuthDecision.Denied(SIGNATURE_MISMATCH, INVALID_SIGNATURE, "INVALID_SIGNATURE");
    }

    /** Either the parsed fields or the refusal that parsing produced. */
    private record Parsed(SignedParts parts, AuthDecision.Denied denied) {

        static Parsed of(SignedParts parts) {
            return new Parsed(parts, null);
        }

        static Parsed denied(AuthDecision.Denied denied) {
            return new Parsed(null, denied);
        }

        AuthDecision map(
                java.util.function.Function<SignedParts, AuthDecision> onParts,
                java.util.function.Function<AuthDecision.Denied, AuthDecision> onDenied) {
            return parts != null ? onParts.apply(parts) : onDenied.apply(denied);
        }
    }
}
