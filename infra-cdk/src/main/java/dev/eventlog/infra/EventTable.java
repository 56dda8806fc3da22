package dev.eventlog.infra;

import java.util.List;
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

  /** Epoch seconds after which an event has outlived the retention period; the store writes it when one is set. */
  public static final String EXPIRES_AT_ATTRIBUTE = "expiresAt";

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
    // Without a retention period no item carries the attribute, and no TTL is switched on that could delete one.
    config.retentionDays().ifPresent(days -> props.timeToLiveAttribute(EXPIRES_AT_ATTRIBUTE));
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

  /** The names of the table's global secondary indexes, each of which DynamoDB throttles and meters on its own. */
  public List<String> globalSecondaryIndexNames() {
    return List.of();
  }
}
