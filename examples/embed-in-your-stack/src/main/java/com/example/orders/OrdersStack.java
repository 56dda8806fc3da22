package com.example.orders;

import dev.eventlog.infra.EventLog;
import dev.eventlog.infra.EventLogProps;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/** Your own stack: a function you already have records what it does in an EventLog placed beside it. */
public class OrdersStack extends Stack {

    public OrdersStack(Construct scope, String id, StackProps props, String eventLogJar) {
        super(scope, id, props);

        EventLog events = new EventLog(
                this,
                "Events",
                EventLogProps.builder()
                        .lambdaJar(eventLogJar)
                        .retentionDays(365)
                        .alarmEmail("ops@example.com")
                        .build());

        Function orders = Function.Builder.create(this, "Orders")
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .code(Code.fromInline("exports.handler = async () => ({ statusCode: 200 });"))
                .environment(Map.of("EVENTLOG_URL", events.getBaseUrl()))
                .build();

        // execute-api:Invoke on exactly the five routes, added to the function's role.
        events.grantInvoke(orders);
    }
}
