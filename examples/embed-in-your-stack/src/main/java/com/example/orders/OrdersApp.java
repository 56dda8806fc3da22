package com.example.orders;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** The CDK app of your service: `npx aws-cdk synth` runs it, as cdk.json says. */
public final class OrdersApp {

    /** The EventLog function's jar as the EventLog build leaves it, relative to this directory. */
    static final String EVENTLOG_JAR = "../../eventlog-lambda/target/eventlog-lambda.jar";

    private OrdersApp() {}

    public static void main(String[] args) {
        App app = new App();
        new OrdersStack(app, "Orders", StackProps.builder().build(), EVENTLOG_JAR);
        app.synth();
    }
}
