package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.retention.RetentionPolicy;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.lambda.EventLogHandler;
import java.time.Clock;

/**
 * Entry point of the runner's jar ({@code java -jar eventlog-local.jar serve|invoke|generate-event|export|import|erase-user|...|--help}): the
 * deployed handler, {@link EventLogHandler}, behind a local emulation of its HTTP API, on the store the options
 * choose.
 */
public final class LocalRunner {

    private LocalRunner() {}

    public static void main(String[] args) {
        int status = new RunnerCli(HANDLERS, System.getenv(), System.in, System.out, System.err).run(args);
        System.exit(status);
    }

    /** The local object graph: the deployed handler on the store the runner opened, sharing its retention rule. */
    public static final HandlerFactory HANDLERS = new HandlerFactory() {
        @Override
        public RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> create(EventLogPort store) {
            return handler(store);
        }

        @Override
        public RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> create(
                EventLogPort store, RetentionPolicy retention) {
            return handler(store, retention);
        }
    };

    /** The deployed handler on the store the runner opened, with the system clock and no retention period. */
    public static EventLogHandler handler(EventLogPort store) {
        return handler(store, RetentionPolicy.keepForever());
    }

    /**
     * The deployed handler on a store that applies {@code retention}, whose use cases refuse already expired events.
     * Its log (access log and metrics lines) goes to stderr, as {@code sam local} shows function logs, so that stdout
     * carries only the access log ({@code serve}) or the responses ({@code invoke}).
     */
    public static EventLogHandler handler(EventLogPort store, RetentionPolicy retention) {
        return new EventLogHandler(new EventLogService(store, Clock.systemUTC(), retention), System.err);
    }
}
