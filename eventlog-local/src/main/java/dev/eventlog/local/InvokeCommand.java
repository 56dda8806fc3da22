package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.eventlog.lambda.JsonSyntaxMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code invoke}: runs the handler once per payload 2.0 event file, in order, in one process and on one store,
 * and prints each response as one JSON line, like {@code sam local invoke}.
 */
public final class InvokeCommand {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private InvokeCommand() {
    }

    /**
     * Reads every event first (so a bad file fails before anything is written), then runs them.
     *
     * @throws UsageException when an event file cannot be read or is not a payload 2.0 event
     */
    public static void run(InvokeOptions options, HandlerFactory handlers, InputStream stdin, PrintStream out)
            throws UsageException {
        List<APIGatewayV2HTTPEvent> events = new ArrayList<>();
        for (String source : options.events()) {
            events.add(parse(source, read(source, stdin)));
        }
        try (OpenedStore store = StoreFactory.open(options.store())) {
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                    FunctionLogs.createLoggingToStderr(handlers, store);
            for (APIGatewayV2HTTPEvent event : events) {
                APIGatewayV2HTTPResponse response = handler.handleRequest(event, new LocalLambdaContext(requestId(event)));
                out.println(GSON.toJson(response));
                out.flush();
            }
        }
    }

    // The event's own request id, as Lambda's context carries the gateway's, so that the function's log lines
    // can be matched with the event file; a fresh one when the event has none.
    private static String requestId(APIGatewayV2HTTPEvent event) {
        String own = event.getRequestContext().getRequestId();
        return own == null || own.isBlank() ? UUID.randomUUID().toString() : own;
    }

    private static String read(String source, InputStream stdin) throws UsageException {
        try {
            byte[] bytes = source.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(source));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read event " + label(source) + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UsageException("cannot read event " + label(source) + ": permission denied");
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read event " + label(source) + ": " + e.getMessage());
        }
    }

    private static APIGatewayV2HTTPEvent parse(String source, String json) throws UsageException {
        try {
            APIGatewayV2HTTPEvent event = GSON.fromJson(json, APIGatewayV2HTTPEvent.class);
            if (event == null || event.getRawPath() == null || event.getRequestContext() == null
                    || event.getRequestContext().getHttp() == null) {
                throw new UsageException("event " + label(source) + " is not a payload 2.0 event (it needs rawPath"
                        + " and requestContext.http)");
            }
            return event;
        } catch (JsonParseException e) {
            throw new UsageException("event " + label(source) + " is not valid JSON: " + JsonSyntaxMessage.describe(e));
        }
    }

    private static String label(String source) {
        return source.equals("-") ? "from stdin" : "file '" + source + "'";
    }
}
