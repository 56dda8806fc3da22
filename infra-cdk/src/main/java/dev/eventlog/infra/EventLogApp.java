package dev.eventlog.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.io.PrintStream;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;

/** The CDK app: reads the context, builds the EventLog stack, checks it with cdk-nag and synthesizes it. */
public final class EventLogApp {

    private EventLogApp() {}

    public static void main(String[] args) {
        int status = run(new App(), System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Builds and synthesizes; a bad context is a user error, reported as its list of problems without a stack trace.
     *
     * @return the process exit status: 0 when synthesized, 2 when the context is invalid
     */
    static int run(App app, PrintStream err) {
        try {
            build(app);
        } catch (InvalidConfigurationException e) {
            err.println(e.getMessage());
            return 2;
        }
        app.synth();
        return 0;
    }

    /**
     * Builds the stack from the app's context and registers the cdk-nag packs, so that synthesis fails on any
     * finding that is not acknowledged with a reason.
     */
    static EventLogStack build(App app) {
        AppContext context = AppContext.fromContext(allContext(app));
        StackProps.Builder props =
                StackProps.builder().description("EventLog: serverless event log (HTTP API, Lambda, DynamoDB)");
        if (context.account().isPresent() || context.region().isPresent()) {
            props.env(Environment.builder()
                    .account(context.account().orElse(null))
                    .region(context.region().orElse(null))
                    .build());
        }
        EventLogStack stack = new EventLogStack(app, context.stackName(), props.build(), context.props());
        NagPackProps nag = NagPackProps.builder().verbose(true).build();
        Validations.of(app).addPlugins(new AwsSolutionsChecks(app, nag), new ServerlessChecks(app, nag));
        return stack;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> allContext(App app) {
        Object context = app.getNode().getAllContext();
        return context instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
