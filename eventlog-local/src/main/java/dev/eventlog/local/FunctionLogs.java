package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.PrintStream;

/**
 * Builds the handler with standard output pointing at stderr, so that a handler which keeps
 * {@code System.out} for its own log writes its lines to stderr, as {@code sam local} shows function logs,
 * and stdout carries only the access log ({@code serve}) or the responses ({@code invoke}).
 */
final class FunctionLogs {

    private FunctionLogs() {}

    static synchronized RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createLoggingToStderr(
            HandlerFactory handlers, OpenedStore store) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return handlers.create(store.port(), store.retention());
        } finally {
            System.setOut(stdout);
        }
    }
}
