package dev.eventlog.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.constructs.Construct;

/** The DynamoDB table of events: key (date, time) as the original, protected against loss and deletion. */
public final class EventTable extends Construct {

  private final Table table;

  public EventTable(Construct scope, String id, EventLogConfig config) {
    super(scope, id);
    TableProps.Builder props = TableProps.builder()
        .partitionKey(Attribute.builder().name("date").type(AttributeType.STRING).build())
        .sortKey(Attribute.builder().name("time").type(AttributeType.STRING).build())
        .pointInTimeRecoverySpecification(
            PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
        .deletionProtection(true)
        // The events are the system's only state: deleting the stack must never delete them.
        .removalPolicy(RemovalPolicy.RETAIN);
    config.tableName().ifPresent(props::tableName);
    TableBilling billing = config.billing();
    if (billing.provisioned()) {
      props.billingMode(BillingMode.PROVISIONED)
          .readCapacity(billing.readCapacity())
          .writeCapacity(billing.writeCapacity());
    } else {
      props.billingMode(BillingMode.PAY_PER_REQUEST);
    }
    this.table = new Table(this, "Table", props.build());
  }

  public Table table() {
    return table;
  }
}
