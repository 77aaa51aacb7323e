package io.leadgate.writer.create;

import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.Topics;
import io.leadgate.service.kafka.DelayQueue;
import io.leadgate.service.kafka.PoisonRecordException;
import io.leadgate.service.kafka.RetryLaterException;
import io.leadgate.service.observability.CaptureTraces;
import io.leadgate.service.observability.TracedKafkaSender;
import io.leadgate.writer.WriterProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Hands each poll of cleared captures to {@link RecordCreation} as one batch, and tells the error
 * handler where the batch stopped: records that must wait for Salesforce (unavailable) are retried
 * from there without limit and never dead-lettered, so the partition's order per person is kept.
 *
 * <p>leads.to-create mixes many orgs on a partition, so the records of an org that cannot be
 * written to now (no CREATE allowance, or Salesforce refused for the org's daily limit) are not
 * retried in place, which would hold up every other org behind them: they move to the delay queue
 * {@code leads.to-create.deferred} with a not-before {@code retry-after} ahead, their reps get one
 * DEFERRED status naming that time, and the batch goes on. A second listener reads the delay queue:
 * due records are created like fresh ones, those whose org still cannot proceed go to the queue's
 * tail again, and it stops at the first record not yet due, waiting just until it is (the queue is
 * ordered by not-before, see {@link DelayQueue}). Offsets are committed only once the moved copies
 * and the statuses are acknowledged by Kafka. A record is created once whichever topic it is read
 * from: the person key is a unique external id in Salesforce, and a copy read twice is a capture
 * the journal already decided.
 */
@Component
class ClearedLeadListener {

  private static final Logger log = LoggerFactory.getLogger(ClearedLeadListener.class);

  private static final String LISTENER_ID = "writer-to-create";

  private static final String DEFERRED_LISTENER_ID = "writer-to-create-deferred";

  /** How soon a batch is read again when Kafka did not acknowledge what it sent. */
  private static final Duration KAFKA_RETRY = Duration.ofSeconds(1);

  private final RecordCreation creation;
  private final CaptureTraces traces;
  private final TracedKafkaSender kafka;
  private final Clock clock;
  private final Duration retryAfter;
  private final DelayQueue queue = new DelayQueue(Topics.LEADS_TO_CREATE_DEFERRED);

  ClearedLeadListener(
      RecordCreation creation,
      CaptureTraces traces,
      TracedKafkaSender kafka,
      Clock clock,
      WriterProperties properties) {
    this.creation = creation;
    this.traces = traces;
    this.kafka = kafka;
    this.clock = clock;
    this.retryAfter = properties.retryAfter();
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

  @KafkaListener(
      id = DEFERRED_LISTENER_ID,
      topics = "leads.to-create.deferred",
      containerFactory = "clearedDeferredListenerFactory",
      batch = "true")
  void onDeferred(List<ConsumerRecord<String, LeadCleared>> records) {
    try (CaptureTraces.Batch traced =
        traces.open(DEFERRED_LISTENER_ID, records, LeadCleared::captureId)) {
      DelayQueue.handleDue(records, clock.instant(), this::onBatch);
    }
  }

  private void onBatch(List<ConsumerRecord<String, LeadCleared>> records) {
    int poison = firstUnreadable(records);
    List<LeadCleared> readable = records.subList(0, poison).stream().map(r -> r.value()).toList();
    BatchResult result = creation.create(readable);
    if (!result.deferred().isEmpty()) {
      defer(records, result.deferred(), result.deferralReason());
    }
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

  /**
   * Moves the records of orgs that cannot be written to now to the delay queue, then tells their
   * reps. If Kafka does not acknowledge, the batch fails from the first of them and is read again:
   * nothing is committed that is not safely queued.
   */
  private void defer(
      List<ConsumerRecord<String, LeadCleared>> records, List<Integer> indexes, String reason) {
    Instant notBefore = clock.instant().plus(retryAfter);
    List<CompletableFuture<?>> sends = new ArrayList<>(indexes.size());
    List<LeadCleared> deferred = new ArrayList<>(indexes.size());
    for (int i : indexes) {
      ConsumerRecord<String, LeadCleared> record = records.get(i);
      deferred.add(record.value());
      sends.add(
          traces.inTraceOf(
              record.value().captureId(), () -> kafka.send(queue.copyOf(record, notBefore))));
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
      creation.deferred(deferred, reason, notBefore);
    } catch (CompletionException e) {
      throw kafkaDidNotAcknowledge(e, indexes.get(0));
    }
    log.info(
        "{} records of orgs that cannot be written to wait until {}", indexes.size(), notBefore);
  }

  private static BatchListenerFailedException kafkaDidNotAcknowledge(
      CompletionException e, int from) {
    log.warn("Kafka did not acknowledge ({}); the batch is read again", e.getMessage());
    return new BatchListenerFailedException(
        "Kafka did not acknowledge",
        new RetryLaterException("Kafka did not acknowledge a send", KAFKA_RETRY),
        from);
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
