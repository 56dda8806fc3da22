package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.retention.RetentionPolicy;

/** Builds the payload 2.0 handler the runner puts behind the gateway, on the store it opened. */
@FunctionalInterface
public interface HandlerFactory {

    /** The handler that serves requests from {@code store}. */
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> create(EventLogPort store);

    /** The handler on a store with a retention period; a factory that has no use for the period ignores it. */
    default RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> create(
            EventLogPort store, RetentionPolicy retention) {
        return create(store);
    }
}
