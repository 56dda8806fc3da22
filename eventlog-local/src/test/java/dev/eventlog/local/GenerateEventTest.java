package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventlog.http.ApiRoute;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate-event} writes what {@code serve} would hand the function, and {@code invoke} runs it. */
class GenerateEventTest {

    private static final String EVENT = "{\"date\":\"2024-06-01\",\"time\":\"09:30:00\",\"eventId\":\"generated-1\","
            + "\"userId\":\"alice\",\"eventType\":\"login\"}";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(HandlerFactory handlers, String... args) {
        out.reset();
        err.reset();
        return new RunnerCli(
                        handlers,
                        Map.of(),
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The generate-event arguments for one request on {@code route}, with sample values for its parameters. */
    private static List<String> requestOn(ApiRoute route) {
        String path = route.pathTemplate()
                .replace("{date}", "2024-06-01")
                .replace("{time}", "09:30:00.000")
                .replace("{eventId}", "generated-1");
        List<String> args =
                new ArrayList<>(List.of("generate-event", route.method().toLowerCase(), "--path", path));
        if (route.method().equals("POST")) {
            args.addAll(List.of("--body", EVENT));
        } else if (route == ApiRoute.LIST_EVENTS) {
            args.addAll(List.of("--query", "date=2024-06-01", "--query", "limit=5"));
        }
        return args;
    }

    @Test
    void everyRoute_generatedEventRoundTripsThroughInvoke(@TempDir Path dir) throws Exception {
        // The write first, so that each read finds the event it recorded.
        List<ApiRoute> routes = new ArrayList<>(List.of(ApiRoute.values()));
        routes.sort(Comparator.comparing(route -> route.method().equals("POST") ? 0 : 1));
        List<String> invoke = new ArrayList<>(List.of("invoke"));
        for (ApiRoute route : routes) {
            assertEquals(
                    RunnerCli.OK, run(LocalRunner::handler, requestOn(route).toArray(String[]::new)), stderr());
            JsonObject event = JsonParser.parseString(stdout()).getAsJsonObject();
            assertEquals(route.routeKey(), event.get("routeKey").getAsString());
            assertEquals("2.0", event.get("version").getAsString());
            Path file = dir.resolve(route.name() + ".json");
            Files.writeString(file, stdout());
            invoke.addAll(List.of("--event", file.toString()));
        }
        assertEquals(RunnerCli.OK, run(LocalRunner::handler, invoke.toArray(String[]::new)), stderr());
        List<String> responses = stdout().lines().toList();
        assertEquals(routes.size(), responses.size(), stdout());
        for (int i = 0; i < routes.size(); i++) {
            JsonObject response = JsonParser.parseString(responses.get(i)).getAsJsonObject();
            int expected = routes.get(i).method().equals("POST") ? 201 : 200;
            assertEquals(expected, response.get("statusCode").getAsInt(), routes.get(i) + ": " + responses.get(i));
            assertTrue(response.get("body").getAsString().contains("\"userId\":\"alice\""), responses.get(i));
        }
    }

    @Test
    void theEventCarriesWhatTheGatewayBuilds() {
        assertEquals(
                RunnerCli.OK,
                run(
                        LocalRunner::handler,
                        "generate-event",
                        "get",
                        "--path",
                        "/events/2024-06-01",
                        "--query",
                        "limit=5",
                        "--query",
                        "userId=alice"));
        JsonObject event = JsonParser.parseString(stdout()).getAsJsonObject();
        assertEquals("GET /events/{date}", event.get("routeKey").getAsString());
        assertEquals("/events/2024-06-01", event.get("rawPath").getAsString());
        assertEquals("limit=5&userId=alice", event.get("rawQueryString").getAsString());
        assertEquals(
                "5", event.getAsJsonObject("queryStringParameters").get("limit").getAsString());
        assertEquals(
                "2024-06-01",
                event.getAsJsonObject("pathParameters").get("date").getAsString());
        JsonObject context = event.getAsJsonObject("requestContext");
        assertEquals("$default", context.get("stage").getAsString());
        assertEquals("GET", context.getAsJsonObject("http").get("method").getAsString());
        assertFalse(context.get("requestId").getAsString().isBlank());
        assertEquals(
                "127.0.0.1:3000", event.getAsJsonObject("headers").get("host").getAsString());
    }

    @Test
    void invoke_givesTheHandlerTheEventsOwnRequestId(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("event.json");
        Files.writeString(file, RunnerCliTest.event("GET /events", "/events").replace("\"r1\"", "\"my-request-7\""));
        HandlerFactory echoRequestId = store -> (event, context) -> APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withBody(context.getAwsRequestId())
                .build();
        assertEquals(RunnerCli.OK, run(echoRequestId, "invoke", "--event", file.toString()), stderr());
        assertEquals(
                "my-request-7",
                JsonParser.parseString(stdout().strip())
                        .getAsJsonObject()
                        .get("body")
                        .getAsString());
    }

    @Test
    void invoke_ofAMissingFile_saysNoSuchFile(@TempDir Path dir) {
        String missing = dir.resolve("missing.json").toString();
        assertEquals(RunnerCli.USAGE, run(LocalRunner::handler, "invoke", "--event", missing));
        assertEquals("error: cannot read event file '" + missing + "': no such file", stderr().strip());
    }

    @Test
    void invoke_ofAnEventOfTheWrongShape_saysWhatAndWhereInPlainWords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("string.json");
        Files.writeString(file, "\"just a string\"");
        assertEquals(RunnerCli.USAGE, run(LocalRunner::handler, "invoke", "--event", file.toString()));
        assertEquals(
                "error: event file '" + file + "' is not valid JSON: expected an object but found a string"
                        + " at line 1, column 2",
                stderr().strip());
    }

    @Test
    void generateEvent_forNoRoute_orABadPath_isAUsageError() {
        for (String[] args : List.of(
                new String[] {"generate-event", "post", "--path", "/events/2024-06-01"},
                new String[] {"generate-event", "get", "--path", "/elsewhere"},
                new String[] {"generate-event", "get", "--path", "/events/./2024-06-01"},
                new String[] {"generate-event", "get", "--query", "userId=a b"},
                new String[] {"generate-event", "delete"},
                new String[] {"generate-event"})) {
            assertEquals(RunnerCli.USAGE, run(LocalRunner::handler, args), String.join(" ", args));
            assertEquals(1, stderr().lines().count(), stderr());
            assertTrue(stderr().startsWith("error: "), stderr());
        }
        run(LocalRunner::handler, "generate-event", "get", "--path", "/elsewhere");
        assertTrue(stderr().contains("GET /events/{date}/{time}"), stderr());
    }
}
