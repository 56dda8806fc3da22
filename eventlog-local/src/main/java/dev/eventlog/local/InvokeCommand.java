package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.eventlog.http.JsonSyntaxMessage;
import dev.eventlog.http.JsonText;
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
import java.util.Map;
import java.util.UUID;

/**
 * {@code invoke}: runs the handler once per payload 2.0 event file, in order, in one process and on one store,
 * and prints each response as one JSON line, like {@code sam local invoke}.
 */
public final class InvokeCommand {

    private InvokeCommand() {}

    /**
     * Reads every event first (so a bad file fails before anything is written), then runs them. The table is not
     * read before the first request: when a request fails on the server's side, its description is read then, so a
     * missing or foreign table still ends the run with its name.
     *
     * @throws UsageException when an event file cannot be read or is not a payload 2.0 event
     * @throws dev.eventlog.core.domain.StoreConfigurationException when a request failed and the DynamoDB table is
     *     missing or has other keys
     */
    public static void run(InvokeOptions options, HandlerFactory handlers, InputStream stdin, PrintStream out)
            throws UsageException {
        List<APIGatewayV2HTTPEvent> events = new ArrayList<>();
        for (String source : options.events()) {
            events.add(parse(source, read(source, stdin)));
        }
        try (OpenedStore store = StoreFactory.openUnchecked(options.store())) {
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                    handlers.create(store.port(), store.retention());
            boolean serverError = false;
            for (APIGatewayV2HTTPEvent event : events) {
                APIGatewayV2HTTPResponse response =
                        handler.handleRequest(event, new LocalLambdaContext(requestId(event)));
                out.println(responseJson(response));
                out.flush();
                serverError |= response.getStatusCode() >= 500;
            }
            if (serverError) {
                StoreFactory.explainFailure(options.store(), store, System.err::println);
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
            APIGatewayV2HTTPEvent event = PayloadV2EventReader.read(json);
            if (event == null
                    || event.getRawPath() == null
                    || event.getRequestContext() == null
                    || event.getRequestContext().getHttp() == null) {
                throw new UsageException("event " + label(source) + " is not a payload 2.0 event (it needs rawPath"
                        + " and requestContext.http)");
            }
            return event;
        } catch (JsonParseException e) {
            throw new UsageException("event " + label(source) + " is not valid JSON: " + JsonSyntaxMessage.describe(e));
        }
    }

    /** The response as gson would write the response class: its fields in order, absent ones left out. */
    static String responseJson(APIGatewayV2HTTPResponse response) {
        JsonObject json = new JsonObject();
        json.addProperty("statusCode", response.getStatusCode());
        json.add("headers", textMap(response.getHeaders()));
        if (response.getMultiValueHeaders() != null) {
            JsonObject headers = new JsonObject();
            response.getMultiValueHeaders().forEach((name, values) -> headers.add(name, texts(values)));
            json.add("multiValueHeaders", headers);
        }
        json.add("cookies", texts(response.getCookies()));
        json.addProperty("body", response.getBody());
        json.addProperty("isBase64Encoded", response.getIsBase64Encoded());
        return JsonText.of(json);
    }

    private static JsonElement textMap(Map<String, String> map) {
        if (map == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject json = new JsonObject();
        map.forEach(json::addProperty);
        return json;
    }

    private static JsonElement texts(List<String> list) {
        if (list == null) {
            return JsonNull.INSTANCE;
        }
        JsonArray json = new JsonArray();
        list.forEach(json::add);
        return json;
    }

    private static String label(String source) {
        return source.equals("-") ? "from stdin" : "file '" + source + "'";
    }
}
