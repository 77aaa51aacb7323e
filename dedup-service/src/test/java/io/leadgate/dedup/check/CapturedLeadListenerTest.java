package io.leadgate.dedup.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.leadgate.contracts.GoldenSamples;
import io.leadgate.contracts.LeadCaptured;
import io.leadgate.contracts.Topics;
import io.leadgate.dedup.DedupProperties;
import io.leadgate.service.kafka.DelayQueue;
import io.leadgate.service.kafka.RetryLaterException;
import io.leadgate.service.observability.CaptureTraces;
import io.leadgate.service.observability.TracedKafkaSender;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listener's part of a deferral, on its own: what it queues, and that nothing is committed (nor
 * any rep told DEFERRED) when Kafka does not acknowledge the queued copy.
 */
class CapturedLeadListenerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  private final DuplicateCheck check = mock(DuplicateCheck.class);

  @SuppressWarnings("unchecked")
  private final TracedKafkaSender kafka = mock(TracedKafkaSender.class);

  private final CapturedLeadListener listener =
      new CapturedLeadListener(
          check,
          new DedupProperties(
              URI.create("http://127.0.0.1:1"),
              Duration.ofSeconds(30),
              "US",
              false,
              DedupProperties.Lookup.SEARCH,
              0.88,
              Duration.ofMinutes(15),
              1000,
              Duration.ofSeconds(2),
              Duration.ofMinutes(5),
              1000),
          new CaptureTraces(ObservationRegistry.NOOP),
          kafka,
          Clock.fixed(NOW, ZoneOffset.UTC));

  private final List<ConsumerRecord<String, LeadCaptured>> batch =
      List.of(record(0, "held"), record(1, "flows"));

  @Test
  void anOrgWithoutAllowanceIsQueuedWithItsNotBeforeAndTheBatchGoesOn() {
    when(check.check(anyList())).thenReturn(new DuplicateCheck.Progress(List.of(0), List.of()));
    doReturn(CompletableFuture.completedFuture(null)).when(kafka).send(any(ProducerRecord.class));

    listener.onCaptured(batch);

    @SuppressWarnings("unchecked")
    ArgumentCaptor<ProducerRecord<String, Object>> sent =
        ArgumentCaptor.forClass(ProducerRecord.class);
    verify(kafka).send(sent.capture());
    assertThat(sent.getValue().topic()).isEqualTo(Topics.LEADS_CAPTURED_DEFERRED.name());
    assertThat(sent.getValue().key()).isEqualTo(batch.get(0).key());
    assertThat(sent.getValue().value()).isEqualTo(batch.get(0).value());
    assertThat(DelayQueue.notBefore(sent.getValue().headers())).contains(NOW.plusSeconds(30));
    verify(check).deferred(List.of(batch.get(0).value()), NOW.plusSeconds(30));
  }

  @Test
  void aPersonBeingCreatedIsTriedAgainShortlyWithoutAStatusAheadOfTheDeferredAndTheBatchGoesOn() {
    when(check.check(anyList())).thenReturn(new DuplicateCheck.Progress(List.of(0), List.of(1)));
    doReturn(CompletableFuture.completedFuture(null)).when(kafka).send(any(ProducerRecord.class));

    listener.onCaptured(batch);

    @SuppressWarnings("unchecked")
    ArgumentCaptor<ProducerRecord<String, Object>> sent =
        ArgumentCaptor.forClass(ProducerRecord.class);
    verify(kafka, org.mockito.Mockito.times(2)).send(sent.capture());
    ProducerRecord<String, Object> retry = sent.getAllValues().get(0);
    assertThat(retry.topic()).isEqualTo(Topics.LEADS_CAPTURED_DEFERRED.name());
    assertThat(retry.value()).isEqualTo(batch.get(1).value());
    assertThat(DelayQueue.notBefore(retry.headers())).contains(NOW.plusMillis(200));
    assertThat(sent.getAllValues().get(1).value()).isEqualTo(batch.get(0).value());
    // Only the org without allowance is reported DEFERRED to its rep.
    verify(check).deferred(List.of(batch.get(0).value()), NOW.plusSeconds(30));
  }

  @Test
  void whenKafkaDoesNotAcknowledgeTheBatchIsReadAgainFromTheFirstDeferredCapture() {
    when(check.check(anyList())).thenReturn(new DuplicateCheck.Progress(List.of(1), List.of()));
    doReturn(CompletableFuture.failedFuture(new KafkaException("broker down")))
        .when(kafka)
        .send(any(ProducerRecord.class));

    BatchListenerFailedException failed =
        catchThrowableOfType(BatchListenerFailedException.class, () -> listener.onCaptured(batch));

    assertThat(failed.getIndex()).isEqualTo(1);
    assertThat(failed.getCause()).isInstanceOf(RetryLaterException.class);
    verify(check, never()).deferred(anyList(), any());
  }

  @Test
  void theDelayQueueStopsAtTheFirstCaptureNotYetDueAndWaitsJustUntilThen() {
    List<ConsumerRecord<String, LeadCaptured>> queued =
        List.of(queued(0, "due", NOW.minusSeconds(1)), queued(1, "later", NOW.plusSeconds(7)));
    when(check.check(anyList())).thenReturn(new DuplicateCheck.Progress(List.of(), List.of()));

    BatchListenerFailedException failed =
        catchThrowableOfType(BatchListenerFailedException.class, () -> listener.onDeferred(queued));

    verify(check).check(List.of(queued.get(0).value()));
    assertThat(failed.getIndex()).isEqualTo(1);
    assertThat(((RetryLaterException) failed.getCause()).retryAfter())
        .isEqualTo(Duration.ofSeconds(7));
  }

  private static ConsumerRecord<String, LeadCaptured> queued(
      int offset, String who, Instant notBefore) {
    ConsumerRecord<String, LeadCaptured> record = record(offset, who);
    ProducerRecord<String, Object> copy =
        new DelayQueue(Topics.LEADS_CAPTURED_DEFERRED).copyOf(record, notBefore);
    ConsumerRecord<String, LeadCaptured> read =
        new ConsumerRecord<>(
            Topics.LEADS_CAPTURED_DEFERRED.name(), 2, offset, record.key(), record.value());
    copy.headers().forEach(read.headers()::add);
    return read;
  }

  private static ConsumerRecord<String, LeadCaptured> record(int offset, String who) {
    LeadCaptured capture =
        JsonMapper.builder()
            .build()
            .readValue(
                GoldenSamples.read(GoldenSamples.LEAD_CAPTURED)
                    .replace("6f1c2b1e-4d5a-4f7e-9a7b-2c1d0e9f8a01", who + "-capture")
                    .replace("ada@lovelace.example", who + "@example.com"),
                LeadCaptured.class);
    return new ConsumerRecord<>(
        Topics.LEADS_CAPTURED.name(),
        2,
        offset,
        Topics.personKey(capture.orgId(), capture.personKey()),
        capture);
  }
}
