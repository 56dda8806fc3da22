package dev.eventlog.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/** Builds EventLog stacks for tests from a context map, exactly as the app does. */
final class TestStacks {

    static final String HOSTED_ZONE_ID = "Z0123456789ABCDEFGHIJ";
    static final String HOSTED_ZONE_NAME = "example.com";
    static final String DOMAIN_NAME = "events.example.com";

    private TestStacks() {}

    /** The shaded Lambda jar built by the reactor; Maven passes its path, an IDE run falls back to the default. */
    static String lambdaJar() {
        return System.getProperty("eventlog.lambdaJar", EventLogConfig.DEFAULT_LAMBDA_JAR);
    }

    static Map<String, Object> context(Map<String, Object> overrides) {
        Map<String, Object> context = new HashMap<>();
        context.put(EventLogConfig.LAMBDA_JAR, lambdaJar());
        context.putAll(overrides);
        return context;
    }

    static App app(Map<String, Object> overrides) {
        try {
            // Under target/ when Maven runs the tests, so that staged copies of the Lambda jar go with 'mvn clean'.
            Path base = Path.of(System.getProperty("eventlog.cdkTestOut", System.getProperty("java.io.tmpdir")));
            Path outdir = Files.createTempDirectory(Files.createDirectories(base), "cdk.out-");
            return App.Builder.create()
                    .outdir(outdir.toString())
                    .context(context(overrides))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EventLogStack stack(Map<String, Object> overrides) {
        return EventLogApp.build(app(overrides));
    }

    static Map<String, Object> customDomain() {
        return Map.of(
                EventLogConfig.DOMAIN_NAME, DOMAIN_NAME,
                EventLogConfig.HOSTED_ZONE_ID, HOSTED_ZONE_ID,
                EventLogConfig.HOSTED_ZONE_NAME, HOSTED_ZONE_NAME);
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
        return Map.of("Fn::GetAtt", java.util.List.of(logicalId(construct), "Arn"));
    }
}
