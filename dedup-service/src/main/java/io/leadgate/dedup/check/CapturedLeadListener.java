package io.leadgate.dedup.check;

import io.leadgate.contracts.LeadCaptured;
import io.leadgate.salesforce.SalesforceException;
import io.leadgate.service.kafka.PoisonRecordException;
import io.leadgate.service.kafka.RetryLaterException;
import io.leadgate.service.observability.CaptureTraces;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Hands each poll's captures to {@link DuplicateCheck} as one batch. A poll is the batch: Kafka
 * returns up to {@code max.poll.records} captures, or what arrived within {@code
 * fetch.max.wait.ms}, so a burst shares its Salesforce calls and a lone capture waits only briefly.
 */
@Component
class CapturedLeadListener {

  private static final Logger log = LoggerFactory.getLogger(CapturedLeadListener.class);

  private static final Duration IN_FLIGHT = Duration.ofMillis(200);

  private static final String LISTENER_ID = "dedup-captured";

  private final DuplicateCheck check;
  private final Duration retryAfter;
  private final CaptureTraces traces;

  CapturedLeadListener(
      DuplicateCheck check, io.leadgate.dedup.DedupProperties properties, CaptureTraces traces) {
    this.check = check;
    this.retryAfter = properties.retryAfter();
    this.traces = traces;
  }

  @KafkaListener(
      id = LISTENER_ID,
      topics = "leads.captured",
      containerFactory = "capturedListenerFactory",
      batch = "true")
  void onCaptured(List<ConsumerRecord<String, LeadCaptured>> records) {
    // What the check sends for a capture continues the trace that capture arrived with.
    try (CaptureTraces.Batch traced = traces.open(LISTENER_ID, records, LeadCaptured::captureId)) {
      onBatch(records);
    }
  }

  private void onBatch(List<ConsumerRecord<String, LeadCaptured>> records) {
    int poison = firstUnreadable(records);
    List<LeadCaptured> readable = records.subList(0, poison).stream().map(r -> r.value()).toList();
    DuplicateCheck.Progress progress;
    try {
      progress = check.check(readable);
    } catch (SalesforceException.LimitExceeded | SalesforceException.Transient e) {
      log.warn(
          "Salesforce refused or failed ({}); the batch is retried in {}",
          e.getMessage(),
          retryAfter);
      throw new BatchListenerFailedException(
          "Salesforce unavailable", new RetryLaterException(e.getMessage(), retryAfter), 0);
    }
    int decided = progress.decided();
    if (progress.waitingFor() == DuplicateCheck.Wait.BUDGET) {
      log.info(
          "No API allowance for part of the batch; {} records wait {}",
          readable.size() - decided,
          retryAfter);
      throw new BatchListenerFailedException(
          "No allowance",
          new RetryLaterException("The org has no API allowance left", retryAfter),
          decided);
    }
    if (progress.waitingFor() == DuplicateCheck.Wait.IN_FLIGHT) {
      // Another capture of this person is being created; its answer will decide this one.
      throw new BatchListenerFailedException(
          "Same person in flight",
          new RetryLaterException("Another capture of this person is being created", IN_FLIGHT),
          decided);
    }
    if (poison < records.size()) {
      throw new BatchListenerFailedException(
          "Unreadable capture", new PoisonRecordException(reason(records.get(poison))), poison);
    }
  }

  private static int firstUnreadable(List<ConsumerRecord<String, LeadCaptured>> records) {
    for (int i = 0; i < records.size(); i++) {
      LeadCaptured value = records.get(i).value();
      if (value == null || value.schemaVersion() != LeadCaptured.VERSION || value.lead() == null) {
        return i;
      }
    }
    return records.size();
  }

  private static String reason(ConsumerRecord<String, LeadCaptured> record) {
    if (record.value() == null) {
      return "Unreadable record: the value is not a LeadCaptured event";
    }
    return "Unsupported capture: schemaVersion " + record.value().schemaVersion();
  }
}
