package dev.eventlog.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's {@code corsConfiguration}: the gateway answers preflight requests itself and adds the CORS
 * headers to actual responses for allowed origins; the handler never sets them.
 *
 * @param maxAgeSeconds {@code Access-Control-Max-Age}, or a negative number for none
 */
public record CorsPolicy(
        List<String> allowOrigins,
        List<String> allowMethods,
        List<String> allowHeaders,
        List<String> exposeHeaders,
        int maxAgeSeconds,
        boolean allowCredentials) {

    public CorsPolicy {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    /**
     * The deployed API's configuration: any origin, GET and POST, any header. The runner applies it with
     * {@code --iam}, where every request needs a signature anyway.
     */
    public static CorsPolicy defaults() {
        return new CorsPolicy(List.of("*"), List.of("GET", "POST"), List.of("*"), List.of(), -1, false);
    }

    /**
     * The origins of the pages this runner itself serves: {@code http://localhost:P} and
     * {@code http://127.0.0.1:P} for each port P, in order. Without {@code --iam} these are the only default
     * origins, so that a page on any other site cannot read or write the local log from the developer's browser.
     */
    public static List<String> localOrigins(List<Integer> localPorts) {
        List<String> origins = new ArrayList<>();
        for (int port : localPorts) {
            origins.add("http://localhost:" + port);
            origins.add("http://127.0.0.1:" + port);
        }
        return origins;
    }

    /** This policy with other allowed origins. */
    public CorsPolicy withAllowOrigins(List<String> origins) {
        return new CorsPolicy(origins, allowMethods, allowHeaders, exposeHeaders, maxAgeSeconds, allowCredentials);
    }

    /** No CORS at all: no preflight answers, no headers. */
    public static CorsPolicy disabled() {
        return new CorsPolicy(List.of(), List.of(), List.of(), List.of(), -1, false);
    }

    /** Whether the request is a CORS preflight, which the gateway answers before routing and authorization. */
    public boolean isPreflight(GatewayRequest request) {
        return !allowOrigins.isEmpty()
                && request.method().equals("OPTIONS")
                && request.header("origin").isPresent()
                && request.header("access-control-request-method").isPresent();
    }

    /** The headers of the gateway's 204 answer to a preflight; empty when the origin or method is not allowed. */
    public Map<String, String> preflightHeaders(GatewayRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<String> origin = allowedOrigin(request);
        String method =
                request.header("access-control-request-method").orElse("").trim();
        boolean methodAllowed =
                allowMethods.contains("*") || allowMethods.stream().anyMatch(m -> m.equalsIgnoreCase(method));
        if (origin.isEmpty() || !methodAllowed) {
            return headers;
        }
        headers.put("Access-Control-Allow-Origin", origin.get());
        headers.put("Access-Control-Allow-Methods", String.join(",", allowMethods));
        String requested = request.header("access-control-request-headers").orElse("");
        if (allowHeaders.contains("*")) {
            if (!requested.isBlank()) {
                headers.put("Access-Control-Allow-Headers", requested.toLowerCase(Locale.ROOT));
            }
        } else if (!allowHeaders.isEmpty()) {
            headers.put("Access-Control-Allow-Headers", String.join(",", allowHeaders));
        }
        if (maxAgeSeconds >= 0) {
            headers.put("Access-Control-Max-Age", Integer.toString(maxAgeSeconds));
        }
        if (allowCredentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        if (!allowOrigins.contains("*")) {
            headers.put("Vary", "Origin");
        }
        return headers;
    }

    /** The CORS headers added to an actual (non-preflight) response. */
    public Map<String, String> responseHeaders(GatewayRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<String> origin = allowedOrigin(request);
        if (origin.isEmpty()) {
            return headers;
        }
        headers.put("Access-Control-Allow-Origin", origin.get());
        if (!exposeHeaders.isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
        }
        if (allowCredentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        if (!allowOrigins.contains("*")) {
            headers.put("Vary", "Origin");
        }
        return headers;
    }

    /**
     * Whether {@code origin} is one of the allowed origins: listed, or any with {@code *}. The opaque origin
     * {@code null} (a sandboxed frame, a {@code file:} page, a form after a cross-site redirect) is allowed only so.
     */
    public boolean allowsOrigin(String origin) {
        String trimmed = origin.trim();
        return allowOrigins.contains("*") || allowOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(trimmed));
    }

    private Optional<String> allowedOrigin(GatewayRequest request) {
        Optional<String> origin = request.header("origin").map(String::trim);
        if (origin.isEmpty() || !allowsOrigin(origin.get())) {
            return Optional.empty();
        }
        return Optional.of(allowOrigins.contains("*") && !allowCredentials ? "*" : origin.get());
    }
}
