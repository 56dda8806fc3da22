package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the app's main as the CDK CLI does: a separate process, an output directory, and no AWS credentials. */
class EventLogAppMainTest {

    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path outdir;

    @Test
    void main_synthesizesTheTemplate_withoutAnyAwsCredentials_withEveryFeatureFlagConfigured() throws Exception {
        Result result = runMain(TestStacks.context(Map.of()));

        assertEquals(0, result.exitCode(), result.output());
        Path template = outdir.resolve("EventLog.template.json");
        assertTrue(Files.isRegularFile(template), "no template in " + outdir + ":\n" + result.output());
        String json = Files.readString(template);
        assertTrue(json.contains("\"AWS::DynamoDB::Table\""));
        assertTrue(json.contains("\"AWS::ApiGatewayV2::Api\""));
        assertTrue(Files.isRegularFile(outdir.resolve("manifest.json")));
        try (var assets = Files.list(outdir)) {
            assertTrue(
                    assets.anyMatch(p -> p.getFileName().toString().matches("asset\\.[0-9a-f]{64}\\.jar")),
                    "the Lambda jar is staged as an asset");
        }
        assertEquals(List.of(), unconfiguredFeatureFlags(outdir.resolve("manifest.json")));
    }

    /**
     * The flags the CLI reports as "not configured" after a synth: those that cdk.json does not set and whose value
     * when unset (the v2 default the report gives, else false) is not the recommended one.
     */
    private static List<String> unconfiguredFeatureFlags(Path manifest) throws IOException {
        JsonNode artifacts = new ObjectMapper().readTree(manifest.toFile()).path("artifacts");
        List<String> unconfigured = new ArrayList<>();
        boolean reported = false;
        for (JsonNode artifact : (Iterable<JsonNode>) artifacts::elements) {
            if (!"cdk:feature-flag-report".equals(artifact.path("type").asText())) {
                continue;
            }
            reported = true;
            artifact.path("properties").path("flags").fields().forEachRemaining(flag -> {
                JsonNode value = flag.getValue();
                JsonNode unset = value.path("unconfiguredBehavesLike").path("v2");
                if (value.has("recommendedValue")
                        && !value.has("userValue")
                        && !value.path("recommendedValue").equals(unset.isMissingNode() ? BooleanNode.FALSE : unset)) {
                    unconfigured.add(flag.getKey());
                }
            });
        }
        assertTrue(reported, "the cloud assembly holds the feature flag report");
        return unconfigured;
    }

    @Test
    void badContext_exitsWithStatus2_listingTheProblems_withoutStackTrace_orTemplate() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        software.amazon.awscdk.App app = software.amazon.awscdk.App.Builder.create()
                .outdir(outdir.toString())
                .context(TestStacks.context(Map.of(AppContext.BILLING_MODE, "cheap")))
                .build();

        int status = EventLogApp.run(app, new java.io.PrintStream(err, true, StandardCharsets.UTF_8));

        String output = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, output);
        assertTrue(output.startsWith("Invalid CDK context:"), output);
        assertTrue(output.contains("'billingMode' must be 'on-demand' or 'provisioned', got 'cheap'"), output);
        assertFalse(output.contains("\tat "), output);
        assertFalse(Files.exists(outdir.resolve("EventLog.template.json")));
    }

    private Result runMain(Map<String, Object> context) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                java.toString(), "-cp", System.getProperty("java.class.path"), EventLogApp.class.getName());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CDK_"));
        // Shared credential files would be credentials too: point the SDK defaults at nothing.
        env.put("AWS_SHARED_CREDENTIALS_FILE", outdir.resolve("no-credentials").toString());
        env.put("AWS_CONFIG_FILE", outdir.resolve("no-config").toString());
        env.put("CDK_OUTDIR", outdir.toString());
        env.put("CDK_CONTEXT_JSON", json(context));
        Path log = Files.createTempFile("eventlog-app-main", ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the app did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String json(Map<String, Object> context) throws IOException {
        return new ObjectMapper().writeValueAsString(context);
    }

    private record Result(int exitCode, String output) {}
}
