package io.leadgate.writer.create;

import io.leadgate.contracts.LeadCleared;
import io.leadgate.service.kafka.PoisonRecordException;
import io.leadgate.service.kafka.RetryLaterException;
import io.leadgate.service.observability.CaptureTraces;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Hands each poll of cleared captures to {@link RecordCreation} as one batch, and tells the error
 * handler where the batch stopped: records that must wait (no allowance, the org's daily limit,
 * Salesforce unavailable) are retried from there without limit and never dead-lettered, so the
 * partition's order per person is kept.
 */
@Component
class ClearedLeadListener {

  private static final Logger log = LoggerFactory.getLogger(ClearedLeadListener.class);

  private static final String LISTENER_ID = "writer-to-create";

  private final RecordCreation creation;
  private final CaptureTraces traces;

  ClearedLeadListener(RecordCreation creation, CaptureTraces traces) {
    this.creation = creation;
    this.traces = traces;
  }

  @KafkaListener(
      id = LISTENER_ID,
      topics = "leads.to-create",
      containerFactory = "clearedListenerFactory",
      batch = "true")
  void onCleared(List<ConsumerRecord<String, LeadCleared>> records) {
    // Each capture's status continues the trace it arrived with, through capture and dedup.
    try (CaptureTraces.Batch traced = traces.open(LISTENER_ID, records, LeadCleared::captureId)) {
      onBatch(records);
    }
  }

  private void onBatch(List<ConsumerRecord<String, LeadCleared>> records) {
    int poison = firstUnreadable(records);
    List<LeadCleared> readable = records.subList(0, poison).stream().map(r -> r.value()).toList();
    BatchResult result = creation.create(readable);
    if (result.decided() < readable.size()) {
      log.info(
          "{} of {} records wait {}: {}",
          readable.size() - result.decided(),
          readable.size(),
          result.retryAfter(),
          result.reason());
      throw new BatchListenerFailedException(
          result.reason(),
          new RetryLaterException(result.reason(), result.retryAfter()),
          result.decided());
    }
    if (poison < records.size()) {
      throw new BatchListenerFailedException(
          "Unreadable record",
          new PoisonRecordException("Unreadable record: the value is not a LeadCleared event"),
          poison);
    }
  }

  private static int firstUnreadable(List<ConsumerRecord<String, LeadCleared>> records) {
    for (int i = 0; i < records.size(); i++) {
      LeadCleared value = records.get(i).value();
      if (value == null
          || value.schemaVersion() != LeadCleared.VERSION
          || value.lead() == null
          || value.personKey() == null) {
        return i;
      }
    }
    return records.size();
  }
}
