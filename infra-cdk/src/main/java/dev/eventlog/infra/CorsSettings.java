package dev.eventlog.infra;

import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;

/** The HTTP API's CORS answer: which origins, methods and request headers browsers may use. */
record CorsSettings(List<String> allowOrigins, List<CorsHttpMethod> allowMethods, List<String> allowHeaders) {

    CorsSettings {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
    }
}
