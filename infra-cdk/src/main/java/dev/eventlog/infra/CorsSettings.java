package dev.eventlog.infra;

import java.util.List;

/** The HTTP API's CORS answer: which origins, methods and request headers browsers may use. */
public record CorsSettings(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders) {

    public CorsSettings {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
    }
}
