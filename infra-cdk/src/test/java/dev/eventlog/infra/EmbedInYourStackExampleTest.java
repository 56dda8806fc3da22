package dev.eventlog.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.IConstruct;

/**
 * The example a user copies, examples/embed-in-your-stack: it compiles against the construct's public API alone,
 * synthesizes, grants its function the routes, leaves no cdk-nag finding on EventLog's resources, and is the code
 * deploying page (docs/deploying.md) shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedInYourStackExampleTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "embed-in-your-stack");
    private static final Path STACK_SOURCE =
            Path.of("src", "main", "java", "com", "example", "orders", "OrdersStack.java");

    private Stack stack;
    private Template template;

    @BeforeAll
    void compileAndSynthesize() throws Exception {
        Path classes = Files.createTempDirectory(
                Files.createDirectories(Path.of(System.getProperty("eventlog.cdkTestOut", "target"))), "example-");
        compile(EXAMPLE.resolve("src/main/java"), classes);
        // A child loader: the example's classes see the construct and the CDK exactly as a user's app would.
        URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        App app = TestStacks.userApp();
        stack = (Stack) loader.loadClass("com.example.orders.OrdersStack")
                .getConstructor(software.constructs.Construct.class, String.class, StackProps.class, String.class)
                .newInstance(app, "Orders", StackProps.builder().build(), TestStacks.lambdaJar());
        template = Template.fromStack(stack);
    }

    @Test
    void theExampleStack_holdsOneEventLog_beside_theUsersFunction_whichKnowsItsUrl() {
        template.resourceCountIs("AWS::DynamoDB::Table", 1);
        template.resourceCountIs("AWS::Lambda::Function", 2);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "Runtime",
                        "nodejs22.x",
                        "Environment",
                        Map.of(
                                "Variables",
                                Map.of("EVENTLOG_URL", Match.objectLike(Map.of("Fn::Join", Match.anyValue())))))));
    }

    @Test
    void theUsersFunction_mayInvokeTheFiveRoutes_andNothingElse() {
        Function orders = (Function) stack.getNode().findChild("Orders");
        Capture routes = new Capture();
        template.hasResourceProperties("AWS::IAM::Policy", TestStacks.invokePolicy(orders.getRole(), routes));
        assertEquals(Route.ALL.size(), routes.asArray().size());
        template.resourceCountIs("AWS::IAM::Policy", 1);
    }

    @Test
    void cdkNag_findsNothing_onEventLogsResources_norOnTheGrantItMade() {
        IConstruct eventLog = stack.getNode().findChild("Events");
        String apiId = TestStacks.logicalId(((EventLog) eventLog).getHttpApi());
        for (NagPack pack : List.of(new AwsSolutionsChecks(), new ServerlessChecks())) {
            List<String> ours = pack.validateScope(stack).getViolations().stream()
                    .flatMap(v -> v.getViolatingResources().stream()
                            .map(r -> v.getRuleName() + " at " + r.getConstructPath()))
                    .filter(finding -> finding.contains(" at Orders/Events/") || finding.contains(apiId))
                    .toList();
            assertEquals(List.of(), ours, pack.getReadPackName());
        }
    }

    @Test
    void theReadme_showsTheExamplesStack_asItIs() throws IOException {
        String readme = Files.readString(Path.of("..", "docs", "deploying.md"), StandardCharsets.UTF_8);
        String marker =
                "<!-- examples/embed-in-your-stack/" + STACK_SOURCE.toString().replace('\\', '/') + " -->";
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "docs/deploying.md marks the example with " + marker);
        int start = readme.indexOf("```java\n", at) + "```java\n".length();
        String shown = readme.substring(start, readme.indexOf("```\n", start));
        assertEquals(Files.readString(EXAMPLE.resolve(STACK_SOURCE), StandardCharsets.UTF_8), shown);
    }

    private static void compile(Path sources, Path into) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(
                        diagnostics,
                        null,
                        null,
                        List.of("-d", into.toString(), "-classpath", System.getProperty("java.class.path")),
                        null,
                        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                                .getJavaFileObjectsFromPaths(files))
                .call();
        assertTrue(compiled, "the example does not compile:\n" + diagnostics);
    }
}
