package io.leadgate.service.salesforce;

import io.leadgate.contracts.SalesforceApiUsageObserved;
import io.leadgate.contracts.Topics;
import io.leadgate.salesforce.ApiUsage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What a service's Salesforce clients observe of their org's usage: metered, and published on
 * salesforce.api-usage for budget-service, with the moment the request was sent.
 */
public final class SalesforceUsageReporter implements Consumer<ApiUsage> {

  private final KafkaTemplate<String, Object> kafka;
  private final SalesforceUsageMetrics metrics;
  private final String source;
  private final Clock clock;

  public SalesforceUsageReporter(
      KafkaTemplate<String, Object> kafka, MeterRegistry meters, String source, Clock clock) {
    this.kafka = kafka;
    this.metrics = new SalesforceUsageMetrics(meters, source);
    this.source = source;
    this.clock = clock;
  }

  @Override
  public void accept(ApiUsage usage) {
    metrics.record(usage);
    kafka.send(
        Topics.SALESFORCE_API_USAGE.name(),
        usage.orgId(),
        new SalesforceApiUsageObserved(
            SalesforceApiUsageObserved.VERSION,
            usage.orgId(),
            usage.used(),
            usage.limit(),
            source,
            clock.instant(),
            usage.requestedAt()));
  }
}
