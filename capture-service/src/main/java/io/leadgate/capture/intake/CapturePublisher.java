package io.leadgate.capture.intake;

import io.leadgate.capture.ProducerTimeouts;
import io.leadgate.capture.status.StatusFeed;
import io.leadgate.contracts.LeadCaptured;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.Topics;
import io.leadgate.service.observability.TracedKafkaSender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Writes captures to Kafka in two steps: every {@link LeadCaptured} first, then the RECEIVED status
 * of each one Kafka acknowledged. The order matters: a RECEIVED status makes a capture id known
 * (retries are answered from it), so it must never exist for a capture that was not written. Each
 * step waits no longer than the producer itself takes to give up (see {@link ProducerTimeouts}).
 */
@Component
class CapturePublisher {

  private static final Logger log = LoggerFactory.getLogger(CapturePublisher.class);

  private final TracedKafkaSender kafka;
  private final ProducerTimeouts timeouts;

  CapturePublisher(TracedKafkaSender kafka, ProducerTimeouts timeouts) {
    this.kafka = kafka;
    this.timeouts = timeouts;
  }

  /**
   * A capture ready to write.
   *
   * @param origin the value of the RECEIVED record's {@link StatusFeed#ORIGIN_HEADER}
   */
  record Pending(LeadCaptured captured, LeadStatusChanged received, byte[] origin) {}

  /** Where the RECEIVED status landed; null when the capture was not accepted. */
  record Written(RecordMetadata status) {
    boolean accepted() {
      return status != null;
    }
  }

  List<Written> publish(List<Pending> pending) {
    List<CompletableFuture<SendResult<String, Object>>> captures = new ArrayList<>();
    for (Pending p : pending) {
      captures.add(
          send(
              new ProducerRecord<>(
                  Topics.LEADS_CAPTURED.name(),
                  Topics.personKey(p.captured().orgId(), p.captured().personKey()),
                  p.captured())));
    }
    List<RecordMetadata> captured = await(captures);
    List<CompletableFuture<SendResult<String, Object>>> statuses = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      statuses.add(captured.get(i) == null ? null : send(received(pending.get(i))));
    }
    List<RecordMetadata> received = await(statuses);
    return received.stream().map(Written::new).toList();
  }

  /**
   * Sends one record in the request's trace: observed only where the trace is sampled, see {@link
   * TracedKafkaSender}.
   */
  private CompletableFuture<SendResult<String, Object>> send(
      ProducerRecord<String, Object> record) {
    try {
      return kafka.send(record);
    } catch (RuntimeException e) {
      // max.block.ms passed without metadata or buffer space: the record was never queued.
      return CompletableFuture.failedFuture(e);
    }
  }

  private static ProducerRecord<String, Object> received(Pending pending) {
    ProducerRecord<String, Object> record =
        new ProducerRecord<>(
            Topics.LEADS_STATUS.name(), pending.received().captureId(), pending.received());
    record.headers().add(StatusFeed.ORIGIN_HEADER, pending.origin());
    return record;
  }

  private List<RecordMetadata> await(List<CompletableFuture<SendResult<String, Object>>> futures) {
    long deadline = System.nanoTime() + timeouts.perSend().plusMillis(250).toNanos();
    List<RecordMetadata> results = new ArrayList<>();
    for (CompletableFuture<SendResult<String, Object>> future : futures) {
      if (future == null) {
        results.add(null);
        continue;
      }
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        results.add(future.get(left, TimeUnit.NANOSECONDS).getRecordMetadata());
      } catch (ExecutionException e) {
        results.add(null);
      } catch (TimeoutException e) {
        // Should not happen: the producer resolves every send within perSend. If it does, the
        // client is told 503 although the record may still arrive, so say so loudly.
        log.warn(
            "Kafka send unresolved after {}; the record may still be delivered",
            timeouts.perSend());
        results.add(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        results.add(null);
      }
    }
    return results;
  }
}
