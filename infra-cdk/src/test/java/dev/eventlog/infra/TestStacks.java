package dev.eventlog.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * Builds EventLog stacks for tests exactly as the CLI runs the app: with cdk.json's feature flags and a context map.
 * A configuration that several test classes read is synthesized once and shared.
 */
final class TestStacks {

    static final String HOSTED_ZONE_ID = "Z0123456789ABCDEFGHIJ";
    static final String HOSTED_ZONE_NAME = "example.com";
    static final String DOMAIN_NAME = "events.example.com";
    /** Every route as its execute-api ARN names it after the stage. */
    static final String[] ALL_ROUTES = {
        "GET/events", "GET/events/*", "GET/events/*/*", "GET/events/*/*/*", "POST/events"
    };
    /** The reading routes. */
    static final String[] GET_ROUTES = {"GET/events", "GET/events/*", "GET/events/*/*", "GET/events/*/*/*"};

    private static final Map<Map<String, Object>, Synthesized> SHARED = new HashMap<>();
    private static Map<String, Object> featureFlags;

    private TestStacks() {}

    /** A stack and its template, synthesized once per configuration; tests must not change the stack. */
    record Synthesized(EventLogStack stack, Template template) {
        EventLog eventLog() {
            return stack.eventLog();
        }
    }

    /** The shaded Lambda jar built by the reactor; Maven passes its path, an IDE run falls back to the default. */
    static String lambdaJar() {
        return System.getProperty("eventlog.lambdaJar", EventLogProps.DEFAULT_LAMBDA_JAR);
    }

    /** The {@code context} block of cdk.json: the feature flags every synthesis by the CLI runs with. */
    @SuppressWarnings("unchecked")
    static synchronized Map<String, Object> featureFlags() {
        if (featureFlags == null) {
            try {
                Map<String, Object> cdkJson =
                        new ObjectMapper().readValue(Path.of("cdk.json").toFile(), Map.class);
                featureFlags = Map.copyOf((Map<String, Object>) cdkJson.get("context"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return featureFlags;
    }

    static Map<String, Object> context(Map<String, Object> overrides) {
        Map<String, Object> context = new HashMap<>(featureFlags());
        context.put(AppContext.LAMBDA_JAR, lambdaJar());
        context.putAll(overrides);
        return context;
    }

    static App app(Map<String, Object> overrides) {
        return App.Builder.create()
                .outdir(outdir().toString())
                .context(context(overrides))
                .build();
    }

    /** An app for a user's own stack: cdk.json's feature flags, as `cdk init` writes them, and nothing else. */
    static App userApp() {
        return App.Builder.create()
                .outdir(outdir().toString())
                .context(featureFlags())
                .build();
    }

    /** A fresh stack, for a test that changes it. */
    static EventLogStack stack(Map<String, Object> overrides) {
        return EventLogApp.build(app(overrides));
    }

    static synchronized Synthesized shared(Map<String, Object> overrides) {
        return SHARED.computeIfAbsent(Map.copyOf(overrides), o -> {
            EventLogStack stack = stack(o);
            return new Synthesized(stack, Template.fromStack(stack));
        });
    }

    static Map<String, Object> customDomain() {
        return Map.of(
                AppContext.DOMAIN_NAME, DOMAIN_NAME,
                AppContext.HOSTED_ZONE_ID, HOSTED_ZONE_ID,
                AppContext.HOSTED_ZONE_NAME, HOSTED_ZONE_NAME);
    }

    static String logicalId(IConstruct construct) {
        IConstruct cfn = construct instanceof CfnElement
                ? construct
                : construct.getNode().getDefaultChild();
        return Stack.of(construct).getLogicalId((CfnElement) cfn);
    }

    static Map<String, Object> ref(IConstruct construct) {
        return Map.of("Ref", logicalId(construct));
    }

    static Map<String, Object> arn(IConstruct construct) {
        return Map.of("Fn::GetAtt", List.of(logicalId(construct), "Arn"));
    }

    /** The ARN of a table's {@code byUser} index, as the template joins it. */
    static Map<String, Object> userIndexArn(IConstruct table) {
        return Map.of("Fn::Join", List.of("", List.of(arn(table), "/index/byUser")));
    }

    /** The execute-api ARNs of routes ({@code "GET/events/*"}) on an API's {@code $default} stage, in sorted order. */
    static List<Object> routeArns(IConstruct api, String... methodAndPaths) {
        return java.util.Arrays.stream(methodAndPaths)
                .sorted()
                .map(path -> (Object) executeApiArn(logicalId(api), "/$default/" + path))
                .toList();
    }

    static Map<String, Object> executeApiArn(String apiLogicalId, String suffix) {
        return Map.of(
                "Fn::Join",
                List.of(
                        "",
                        List.of(
                                "arn:",
                                Map.of("Ref", "AWS::Partition"),
                                ":execute-api:",
                                Map.of("Ref", "AWS::Region"),
                                ":",
                                Map.of("Ref", "AWS::AccountId"),
                                ":",
                                Map.of("Ref", apiLogicalId),
                                suffix)));
    }

    /** The one IAM policy of a role that a route grant made: {@code execute-api:Invoke} on the resources. */
    static Map<String, Object> invokePolicy(IConstruct role, Object resources) {
        return Map.of(
                "Roles",
                List.of(ref(role)),
                "PolicyName",
                software.amazon.awscdk.assertions.Match.anyValue(),
                "PolicyDocument",
                Map.of(
                        "Version",
                        "2012-10-17",
                        "Statement",
                        List.of(Map.of("Action", "execute-api:Invoke", "Effect", "Allow", "Resource", resources))));
    }

    // Under target/ when Maven runs the tests, so that staged copies of the Lambda jar go with 'mvn clean'.
    private static Path outdir() {
        try {
            Path base = Path.of(System.getProperty("eventlog.cdkTestOut", System.getProperty("java.io.tmpdir")));
            return Files.createTempDirectory(Files.createDirectories(base), "cdk.out-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
