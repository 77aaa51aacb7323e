package io.leadgate.writer.metrics;

import io.leadgate.contracts.LeadCleared;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * The size of each poll per org ({@code leadgate.writer.batch.size{org}}): an org's part of a poll
 * is what the writer creates in one call (up to 200 records). Spring Boot's listener container
 * configurer gives this interceptor to every batch listener, so the writer's own classes stay
 * untouched; it only observes and passes the records on unchanged.
 */
@Component
class WriterBatchMeters implements BatchInterceptor<Object, Object> {

  private final MeterRegistry registry;

  WriterBatchMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public ConsumerRecords<Object, Object> intercept(
      ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
    Map<String, Integer> perOrg = new HashMap<>();
    for (ConsumerRecord<Object, Object> record : records) {
      if (record.value() instanceof LeadCleared cleared && cleared.orgId() != null) {
        perOrg.merge(cleared.orgId(), 1, Integer::sum);
      }
    }
    perOrg.forEach(
        (org, size) ->
            DistributionSummary.builder("leadgate.writer.batch.size")
                .description("Captures of one org in one poll of leads.to-create")
                .tag("org", org)
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(200.0)
                .register(registry)
                .record(size));
    return records;
  }
}
