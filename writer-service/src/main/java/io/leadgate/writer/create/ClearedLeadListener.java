package io.leadgate.writer.create;

import io.leadgate.contracts.LeadCleared;
import io.leadgate.salesforce.SalesforceException;
import io.leadgate.service.kafka.PoisonRecordException;
import io.leadgate.service.kafka.RetryLaterException;
import io.leadgate.writer.WriterProperties;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/** Hands each poll of cleared captures to {@link RecordCreation} as one batch. */
@Component
class ClearedLeadListener {

  private static final Logger log = LoggerFactory.getLogger(ClearedLeadListener.class);

  private final RecordCreation creation;
  private final Duration retryAfter;

  ClearedLeadListener(RecordCreation creation, WriterProperties properties) {
    this.creation = creation;
    this.retryAfter = properties.retryAfter();
  }

  @KafkaListener(
      id = "writer-to-create",
      topics = "leads.to-create",
      containerFactory = "clearedListenerFactory",
      batch = "true")
  void onCleared(List<ConsumerRecord<String, LeadCleared>> records) {
    int poison = firstUnreadable(records);
    List<LeadCleared> readable = records.subList(0, poison).stream().map(r -> r.value()).toList();
    int decided;
    try {
      decided = creation.create(readable);
    } catch (SalesforceException.LimitExceeded | SalesforceException.Transient e) {
      log.warn(
          "Salesforce refused or failed ({}); the batch is retried in {}",
          e.getMessage(),
          retryAfter);
      // The person key makes a retried create safe: Salesforce refuses a second record.
      throw new BatchListenerFailedException(
          "Salesforce unavailable", new RetryLaterException(e.getMessage(), retryAfter), 0);
    }
    if (decided < readable.size()) {
      log.info(
          "No API allowance for part of the batch; {} records wait {}",
          readable.size() - decided,
          retryAfter);
      throw new BatchListenerFailedException(
          "No allowance",
          new RetryLaterException("The org has no API allowance left", retryAfter),
          decided);
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
      if (value == null || value.schemaVersion() != LeadCleared.VERSION || value.lead() == null) {
        return i;
      }
    }
    return records.size();
  }
}
