package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.eventlog.http.ApiRoute;
import dev.eventlog.http.RouteMatch;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code generate-event}: prints the payload 2.0 event that {@code serve} would hand the function for one request,
 * built by the same {@link PayloadV2EventBuilder}, as a starting point for {@code invoke} (like
 * {@code sam local generate-event}).
 */
public final class GenerateEventCommand {

    /** The address the event says it was sent to: where {@code serve} listens by default. */
    static final String HOST = "127.0.0.1";

    static final int PORT = 3000;

    private static final Gson PRETTY =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private GenerateEventCommand() {}

    /**
     * Prints the event for the request {@code options} describe.
     *
     * @throws UsageException when no route of the API answers that method and path
     */
    public static void run(GenerateEventOptions options, Clock clock, PrintStream out) throws UsageException {
        out.println(PRETTY.toJson(event(options, clock)));
        out.flush();
    }

    /** The event, as {@code serve} builds it for a request from curl on the same machine. */
    static APIGatewayV2HTTPEvent event(GenerateEventOptions options, Clock clock) throws UsageException {
        RouteMatch route = HttpApiRoutes.match(options.method(), options.rawPath())
                .orElseThrow(() -> new UsageException("no route answers " + options.method() + " " + options.rawPath()
                        + "; the routes are " + String.join(", ", routeKeys())));
        byte[] body = options.body().orElse("").getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("accept", List.of("*/*"));
        if (body.length > 0) {
            headers.put("content-length", List.of(Integer.toString(body.length)));
            headers.put("content-type", List.of("application/json"));
        }
        headers.put("host", List.of(HOST + ":" + PORT));
        headers.put("user-agent", List.of("eventlog-local generate-event"));
        GatewayRequest request = new GatewayRequest(
                options.method(), options.rawPath(), options.rawQuery(), headers, body, HOST, "HTTP/1.1");
        return PayloadV2EventBuilder.build(request, route, RequestIds.next(), clock.instant(), PORT, Optional.empty());
    }

    private static List<String> routeKeys() {
        return Arrays.stream(ApiRoute.values()).map(ApiRoute::routeKey).toList();
    }
}
