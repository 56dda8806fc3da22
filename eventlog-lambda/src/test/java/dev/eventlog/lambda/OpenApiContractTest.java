package dev.eventlog.lambda;

import static dev.eventlog.lambda.HandlerFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.Gson;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.eventlog.core.domain.StoreConfigurationException;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.http.ApiRoute;
import dev.eventlog.http.ProblemType;
import dev.eventlog.http.RequestBody;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml is the API's published contract: it lists exactly the routes the handler serves and the
 * query parameters each takes, its examples fit its schemas, and real responses for every route and status
 * fit the schema documented for that route, status and content type.
 */
class OpenApiContractTest {

    private static final Path SPEC = Path.of("..", "docs", "openapi.yaml");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Gson GSON = new Gson();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static Map<String, Object> spec;

    @BeforeAll
    static void readSpec() throws IOException {
        try (Reader reader = Files.newBufferedReader(SPEC)) {
            spec = new Yaml().load(reader);
        }
        assertTrue(String.valueOf(spec.get("openapi")).startsWith("3.1"), "OpenAPI 3.1");
    }

    @Test
    void specListsExactlyTheRoutesTheHandlerServes() {
        Set<String> documented = new TreeSet<>();
        map(spec, "paths")
                .forEach((path, item) -> ((Map<?, ?>) item)
                        .keySet().stream()
                                .map(String::valueOf)
                                .filter(METHODS::contains)
                                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> served = new TreeSet<>();
        for (ApiRoute route : ApiRoute.values()) {
            served.add(route.routeKey());
        }

        assertEquals(served, documented);
    }

    @Test
    void specListsExactlyTheQueryParametersEachRouteTakes() {
        for (ApiRoute route : ApiRoute.values()) {
            Set<String> documented = new HashSet<>();
            for (Object parameter : list(operation(route), "parameters")) {
                Map<String, Object> resolved = resolve(parameter);
                if ("query".equals(resolved.get("in"))) {
                    documented.add((String) resolved.get("name"));
                }
            }
            assertEquals(new HashSet<>(route.queryParameters()), documented, route.routeKey());
        }
    }

    @Test
    void everyExampleInTheSpecFitsItsSchema() {
        int checked = 0;
        for (ApiRoute route : ApiRoute.values()) {
            Map<String, Object> operation = operation(route);
            for (Object response : map(operation, "responses").values()) {
                for (Map.Entry<String, Object> media :
                        contentOf(resolve(response)).entrySet()) {
                    Map<String, Object> mediaType = cast(media.getValue());
                    if (mediaType.containsKey("example")) {
                        assertFits(
                                cast(mediaType.get("schema")),
                                GSON.toJson(mediaType.get("example")),
                                route + " " + media.getKey());
                        checked++;
                    }
                }
            }
            if (operation.containsKey("requestBody")) {
                Map<String, Object> body =
                        cast(map(map(operation, "requestBody"), "content").get("application/json"));
                for (Object example : map(body, "examples").values()) {
                    assertFits(
                            cast(body.get("schema")), GSON.toJson(cast(example).get("value")), route + " request");
                    checked++;
                }
            }
        }
        for (Object response : map(map(spec, "components"), "responses").values()) {
            for (Object media : contentOf(cast(response)).values()) {
                assertFits(
                        cast(cast(media).get("schema")), GSON.toJson(cast(media).get("example")), "component response");
                checked++;
            }
        }
        assertTrue(checked >= 15, "examples checked: " + checked);
    }

    @Test
    void schemaCheck_refusesWhatTheSpecForbids() {
        Map<String, Object> eventSchema = Map.of("$ref", "#/components/schemas/Event");

        assertFalse(errors(
                        eventSchema,
                        "{\"date\":\"2024-05-01\",\"time\":\"14:19:00.000\",\"userId\":\"u\",\"eventType\":\"t\",\"x\":1}")
                .isEmpty());
        assertFalse(errors(
                        eventSchema,
                        "{\"date\":\"2024-05-01\",\"time\":\"14:19:00\",\"userId\":\"u\",\"eventType\":\"t\"}")
                .isEmpty());
    }

    @Test
    void recordResponses_fitTheSpec() {
        HandlerFixture api = new HandlerFixture();
        String one = event("2024-05-01", "14:19:00", "user-1", "login");

        assertDocumented(ApiRoute.RECORD_EVENTS, api.handler.handleRequest(ApiEvents.post(one), null), 201);
        assertDocumented(ApiRoute.RECORD_EVENTS, api.handler.handleRequest(ApiEvents.post(one), null), 200);
        api.given(HandlerFixture.eventWithId("2024-05-01", "14:19:00", "order-1", "user-1", "login"));
        assertDocumented(
                ApiRoute.RECORD_EVENTS,
                api.handler.handleRequest(
                        ApiEvents.post(HandlerFixture.eventWithId("2024-05-01", "14:19:00", "order-1", "user-2", "x")),
                        null),
                409);
        assertDocumented(
                ApiRoute.RECORD_EVENTS, api.handler.handleRequest(ApiEvents.load("post-batch.json"), null), 201);
        assertDocumented(
                ApiRoute.RECORD_EVENTS, api.handler.handleRequest(ApiEvents.load("post-batch.json"), null), 200);
        assertDocumented(
                ApiRoute.RECORD_EVENTS,
                api.handler.handleRequest(
                        ApiEvents.post(
                                "[" + HandlerFixture.eventWithId("2024-05-01", "14:19:00", "order-1", "z", "z") + "]"),
                        null),
                409);
        assertDocumented(
                ApiRoute.RECORD_EVENTS, api.handler.handleRequest(ApiEvents.load("post-event-base64.json"), null), 201);
        assertDocumented(
                ApiRoute.RECORD_EVENTS,
                api.handler.handleRequest(
                        ApiEvents.post("{\"userId\":\"u\",\"eventType\":\"t\",\"attributes\":{\"a\":\"b\"}}"), null),
                201);
        assertDocumented(
                ApiRoute.RECORD_EVENTS,
                api.handler.handleRequest(ApiEvents.post("[{\"date\":\"x\"},{\"bogus\":1}]"), null),
                400);
        assertDocumented(ApiRoute.RECORD_EVENTS, api.handler.handleRequest(ApiEvents.post("{"), null), 400);
        assertDocumented(
                ApiRoute.RECORD_EVENTS,
                api.handler.handleRequest(ApiEvents.post("x".repeat(RequestBody.MAX_BYTES + 1)), null),
                413);
        String another = event("2024-05-01", "14:20:00", "user-1", "login");
        assertDocumented(
                ApiRoute.RECORD_EVENTS, api.handler.handleRequest(ApiEvents.gzipPost(another, "gzip"), null), 201);
        assertDocumented(
                ApiRoute.RECORD_EVENTS, api.handler.handleRequest(ApiEvents.gzipPost(another, "br"), null), 415);
        assertDocumented(
                ApiRoute.RECORD_EVENTS,
                api.handler.handleRequest(ApiEvents.gzipPost("x".repeat(RequestBody.MAX_BYTES + 1), "gzip"), null),
                413);
    }

    @Test
    void specListsExactlyTheProblemTypesTheApiAnswersWith() {
        Map<String, Object> type = map(map(map(map(spec, "components"), "schemas"), "Problem"), "properties");
        Set<String> documented = new TreeSet<>(list(cast(type.get("type")), "enum").stream()
                .map(String::valueOf)
                .toList());
        Set<String> answered = new TreeSet<>();
        for (ProblemType problem : ProblemType.values()) {
            answered.add(problem.uri());
        }

        assertEquals(answered, documented);
    }

    @Test
    void readResponses_fitTheSpec() {
        HandlerFixture api = new HandlerFixture();
        api.given(
                event("2024-05-01", "14:19:00", "user-1", "login"),
                event("2024-05-01", "15:00:00", "user-1", "logout"));

        assertDocumented(
                ApiRoute.LIST_EVENTS,
                api.handler.handleRequest(ApiEvents.listEvents("date=2024-05-01&limit=1"), null),
                200);
        assertDocumented(ApiRoute.LIST_EVENTS, api.handler.handleRequest(ApiEvents.listEvents(""), null), 200);
        assertDocumented(
                ApiRoute.LIST_EVENTS, api.handler.handleRequest(ApiEvents.listEvents("limit=0&bogus=1"), null), 400);
        assertDocumented(
                ApiRoute.LIST_DAY, api.handler.handleRequest(ApiEvents.load("get-events-of-day.json"), null), 200);
        assertDocumented(
                ApiRoute.LIST_DAY,
                api.handler.handleRequest(
                        ApiEvents.get(
                                "GET /events/{date}", "/events/2024-05-01", "from=x", Map.of("date", "2024-05-01")),
                        null),
                400);
        assertDocumented(
                ApiRoute.LIST_MILLISECOND,
                api.handler.handleRequest(ApiEvents.load("get-events-of-millisecond.json"), null),
                200);
        assertDocumented(
                ApiRoute.LIST_MILLISECOND,
                api.handler.handleRequest(ApiEvents.load("default-route-get-event.json"), null),
                200);
        assertDocumented(
                ApiRoute.LIST_MILLISECOND,
                api.handler.handleRequest(
                        ApiEvents.get(
                                "GET /events/{date}/{time}",
                                "/events/2024-05-01/noon",
                                null,
                                Map.of("date", "2024-05-01", "time", "noon")),
                        null),
                400);
        assertDocumented(ApiRoute.GET_EVENT, api.handler.handleRequest(ApiEvents.load("get-event.json"), null), 200);
        assertDocumented(
                ApiRoute.GET_EVENT,
                api.handler.handleRequest(
                        ApiEvents.get(
                                "GET /events/{date}/{time}/{eventId}",
                                "/events/2024-05-01/01:00:00/x",
                                null,
                                Map.of("date", "2024-05-01", "time", "01:00:00", "eventId", "x")),
                        null),
                404);
        assertDocumented(
                ApiRoute.GET_EVENT,
                api.handler.handleRequest(
                        ApiEvents.get(
                                "GET /events/{date}/{time}/{eventId}",
                                "/events/2024-05-01/noon/x",
                                null,
                                Map.of("date", "2024-05-01", "time", "noon", "eventId", "x")),
                        null),
                400);
    }

    @Test
    void routingProblems_fitTheSpec() {
        HandlerFixture api = new HandlerFixture();

        APIGatewayV2HTTPResponse notAllowed =
                api.handler.handleRequest(ApiEvents.viaDefaultRoute("DELETE", "/events", null, null), null);
        assertDocumented(ApiRoute.LIST_EVENTS, notAllowed, 405);
        assertDocumented(ApiRoute.RECORD_EVENTS, notAllowed, 405);
        APIGatewayV2HTTPResponse unknownPath =
                api.handler.handleRequest(ApiEvents.viaDefaultRoute("GET", "/nothing", null, null), null);
        assertEquals(404, unknownPath.getStatusCode());
        assertFits(Map.of("$ref", "#/components/schemas/Problem"), unknownPath.getBody(), "unknown path");
    }

    @Test
    void storeFailures_fitTheSpecOnEveryRoute() {
        HandlerFixture unavailable =
                new HandlerFixture(new BrokenStore(() -> new StoreUnavailableException("down", null)));
        HandlerFixture misconfigured =
                new HandlerFixture(new BrokenStore(() -> new StoreConfigurationException("no table", null)));
        Map<ApiRoute, APIGatewayV2HTTPEvent> requests = Map.of(
                ApiRoute.RECORD_EVENTS, ApiEvents.load("post-event-iam.json"),
                ApiRoute.LIST_EVENTS, ApiEvents.load("get-events-by-date.json"),
                ApiRoute.LIST_DAY, ApiEvents.load("get-events-of-day.json"),
                ApiRoute.LIST_MILLISECOND, ApiEvents.load("get-events-of-millisecond.json"),
                ApiRoute.GET_EVENT, ApiEvents.load("get-event.json"));

        requests.forEach((route, request) -> {
            assertDocumented(route, unavailable.handler.handleRequest(request, null), 503);
            assertDocumented(route, misconfigured.handler.handleRequest(request, null), 500);
        });
    }

    /** Asserts the response has the expected status, and a content type and body the spec documents for it. */
    private static void assertDocumented(ApiRoute route, APIGatewayV2HTTPResponse response, int expectedStatus) {
        assertEquals(expectedStatus, response.getStatusCode(), response::getBody);
        Map<String, Object> documented =
                resolve(map(operation(route), "responses").get(String.valueOf(expectedStatus)));
        assertNotNull(documented, route.routeKey() + " documents " + expectedStatus);
        String contentType = response.getHeaders().get("Content-Type");
        Map<String, Object> media = cast(contentOf(documented).get(contentType));
        assertNotNull(media, route.routeKey() + " " + expectedStatus + " documents " + contentType);
        assertFits(cast(media.get("schema")), response.getBody(), route.routeKey() + " " + expectedStatus);
        if (documented.containsKey("headers")) {
            for (String header : map(documented, "headers").keySet()) {
                if (!header.equals("Location")) {
                    assertTrue(
                            response.getHeaders().containsKey(header),
                            route.routeKey() + " " + expectedStatus + " sends " + header);
                }
            }
        }
    }

    private static void assertFits(Map<String, Object> schema, String json, String what) {
        List<Error> errors = errors(schema, json);
        assertTrue(errors.isEmpty(), () -> what + ": " + json + " does not fit " + schema + ": " + errors);
    }

    /** Validates against a schema of the spec; its $refs to #/components resolve because the components come along. */
    private static List<Error> errors(Map<String, Object> schema, String json) {
        Map<String, Object> standalone = new LinkedHashMap<>(schema);
        standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        standalone.put("components", spec.get("components"));
        Schema compiled = SCHEMAS.getSchema(GSON.toJson(standalone), InputFormat.JSON);
        return compiled.validate(json, InputFormat.JSON);
    }

    private static Map<String, Object> operation(ApiRoute route) {
        String path = route.routeKey().substring(route.routeKey().indexOf(' ') + 1);
        return map(map(map(spec, "paths"), path), route.method().toLowerCase());
    }

    private static Map<String, Object> contentOf(Map<String, Object> response) {
        return response.containsKey("content") ? map(response, "content") : Map.of();
    }

    /** The object itself, or the one its {@code $ref} (#/components/...) points to. */
    private static Map<String, Object> resolve(Object node) {
        Map<String, Object> object = cast(node);
        if (object == null || !object.containsKey("$ref")) {
            return object;
        }
        Map<String, Object> target = spec;
        for (String part : ((String) object.get("$ref")).substring(2).split("/")) {
            target = map(target, part);
        }
        return target;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Map<String, Object> child = cast(parent.get(key));
        assertNotNull(child, "the spec has " + key);
        return child;
    }

    private static List<Object> list(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        return child == null ? new ArrayList<>() : castList(child);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object node) {
        return (List<Object>) node;
    }
}
