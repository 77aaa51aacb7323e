package io.leadgate.dedup.check;

import io.leadgate.contracts.LeadCaptured;
import io.leadgate.contracts.Topics;
import io.leadgate.dedup.DedupProperties;
import io.leadgate.salesforce.SalesforceException;
import io.leadgate.service.kafka.DelayQueue;
import io.leadgate.service.kafka.PoisonRecordException;
import io.leadgate.service.kafka.RetryLaterException;
import io.leadgate.service.observability.CaptureTraces;
import io.leadgate.service.observability.TracedKafkaSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
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
 *
 * <p>leads.captured mixes many orgs on a partition. The captures of an org without API allowance
 * are therefore never retried in place, which would hold up every other org's captures behind them:
 * they move to the delay queue {@code leads.captured.deferred} with a not-before {@code
 * retry-after} ahead, their reps get one DEFERRED status naming that time, and the batch goes on. A
 * second listener reads the delay queue: it checks the due captures like fresh ones, moves those
 * whose org still has no allowance to the queue's tail again, and stops at the first capture not
 * yet due, waiting just until it is (the queue is ordered by not-before, see {@link DelayQueue}).
 * Offsets are committed only once the moved copies and the statuses are acknowledged by Kafka.
 *
 * <p>A capture of a person another capture of whom is being created takes the same queue, due
 * {@value #IN_FLIGHT_MILLIS} ms later and without a status: waiting in place used to stop the
 * consumer and every capture behind it on its partitions, and under load that wait grew with the
 * very latency it added. Behind an org's deferred captures on a queue partition it is late by their
 * longer delay, never early.
 */
@Component
class CapturedLeadListener {

  private static final Logger log = LoggerFactory.getLogger(CapturedLeadListener.class);

  private static final long IN_FLIGHT_MILLIS = 200;
  private static final Duration IN_FLIGHT = Duration.ofMillis(IN_FLIGHT_MILLIS);

  /** How soon a batch is read again when Kafka did not acknowledge what it sent. */
  private static final Duration KAFKA_RETRY = Duration.ofSeconds(1);

  private static final String LISTENER_ID = "dedup-captured";

  private static final String DEFERRED_LISTENER_ID = "dedup-captured-deferred";

  private final DuplicateCheck check;
  private final Duration retryAfter;
  private final CaptureTraces traces;
  private final TracedKafkaSender kafka;
  private final Clock clock;
  private final DelayQueue queue = new DelayQueue(Topics.LEADS_CAPTURED_DEFERRED);

  CapturedLeadListener(
      DuplicateCheck check,
      DedupProperties properties,
      CaptureTraces traces,
      TracedKafkaSender kafka,
      Clock clock) {
    this.check = check;
    this.retryAfter = properties.retryAfter();
    this.traces = traces;
    this.kafka = kafka;
    this.clock = clock;
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

  @KafkaListener(
      id = DEFERRED_LISTENER_ID,
      topics = "leads.captured.deferred",
      containerFactory = "capturedDeferredListenerFactory",
      batch = "true")
  void onDeferred(List<ConsumerRecord<String, LeadCaptured>> records) {
    try (CaptureTraces.Batch traced =
        traces.open(DEFERRED_LISTENER_ID, records, LeadCaptured::captureId)) {
      DelayQueue.handleDue(records, clock.instant(), this::onBatch);
    }
  }

  private void onBatch(List<ConsumerRecord<String, LeadCaptured>> records) {
    int poison = firstUnreadable(records);
    List<LeadCaptured> readable = records.subList(0, poison).stream().map(r -> r.value()).toList();
    DuplicateCheck.Progress progress;
    try {
      progress = check.check(readable);
    } catch (SalesforceException.Transient e) {
      log.warn("Salesforce failed ({}); the batch is retried in {}", e.getMessage(), retryAfter);
      throw new BatchListenerFailedException(
          "Salesforce unavailable", new RetryLaterException(e.getMessage(), retryAfter), 0);
    }
    if (!progress.deferred().isEmpty() || !progress.inFlight().isEmpty()) {
      queue(records, progress);
    }
    if (poison < records.size()) {
      throw new BatchListenerFailedException(
          "Unreadable capture", new PoisonRecordException(reason(records.get(poison))), poison);
    }
  }

  /**
   * Moves what the batch left for later to the delay queue: the captures of a person being created
   * to be tried again in {@value #IN_FLIGHT_MILLIS} ms, when its answer is likely in (they go
   * first, so they never queue behind this batch's longer waits), and those of orgs without
   * allowance in {@code retryAfter}, whose reps are then told. If Kafka does not acknowledge, the
   * batch fails from the first of them and is read again: nothing is committed that is not safely
   * queued.
   */
  private void queue(
      List<ConsumerRecord<String, LeadCaptured>> records, DuplicateCheck.Progress progress) {
    Instant now = clock.instant();
    Instant notBefore = now.plus(retryAfter);
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (int i : progress.inFlight()) {
      sends.add(copy(records.get(i), now.plus(IN_FLIGHT)));
    }
    List<LeadCaptured> deferred = new ArrayList<>(progress.deferred().size());
    for (int i : progress.deferred()) {
      deferred.add(records.get(i).value());
      sends.add(copy(records.get(i), notBefore));
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
      if (!deferred.isEmpty()) {
        check.deferred(deferred, notBefore);
      }
    } catch (CompletionException e) {
      int first =
          Stream.concat(progress.inFlight().stream(), progress.deferred().stream())
              .min(Integer::compare)
              .orElseThrow();
      throw kafkaDidNotAcknowledge(e, first);
    }
    if (!deferred.isEmpty()) {
      log.info("{} captures of orgs without allowance wait until {}", deferred.size(), notBefore);
    }
  }

  private CompletableFuture<?> copy(
      ConsumerRecord<String, LeadCaptured> record, Instant notBefore) {
    return traces.inTraceOf(
        record.value().captureId(), () -> kafka.send(queue.copyOf(record, notBefore)));
  }

  private static BatchListenerFailedException kafkaDidNotAcknowledge(
      CompletionException e, int from) {
    log.warn("Kafka did not acknowledge ({}); the batch is read again", e.getMessage());
    return new BatchListenerFailedException(
        "Kafka did not acknowledge",
        new RetryLaterException("Kafka did not acknowledge a send", KAFKA_RETRY),
        from);
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
