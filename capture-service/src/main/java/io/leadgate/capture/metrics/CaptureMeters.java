package io.leadgate.capture.metrics;

import io.leadgate.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.stereotype.Component;

/**
 * Counts captures as Kafka acknowledges them on {@code leads.captured} ({@code
 * leadgate.leads.captured{org}}): the moment a capture is durable, whichever endpoint took it.
 * Spring Boot's KafkaTemplate takes this as its producer listener in place of the logging one, so
 * it keeps logging failed sends as before.
 */
@Component
class CaptureMeters extends LoggingProducerListener<Object, Object> {

  private final MeterRegistry registry;
  // One lookup per org, not per capture: registering looks the meter up by name and tags.
  private final Map<String, Counter> byOrg = new ConcurrentHashMap<>();

  CaptureMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
    if (!Topics.LEADS_CAPTURED.name().equals(record.topic()) || record.key() == null) {
      return;
    }
    String key = record.key().toString();
    int slash = key.indexOf('/');
    String org = slash < 0 ? key : key.substring(0, slash);
    byOrg
        .computeIfAbsent(
            org,
            o ->
                Counter.builder("leadgate.leads.captured")
                    .description("Captures durable in Kafka")
                    .tag("org", o)
                    .register(registry))
        .increment();
  }
}
