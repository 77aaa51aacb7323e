package io.leadgate.writer.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.leadgate.contracts.GoldenSamples;
import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.Topics;
import io.leadgate.service.kafka.DelayQueue;
import io.leadgate.service.kafka.RetryLaterException;
import io.leadgate.service.observability.CaptureTraces;
import io.leadgate.service.observability.TracedKafkaSender;
import io.leadgate.writer.WriterProperties;
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
class ClearedLeadListenerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
  private static final String REASON = "The org is at Leadgate's API cap";

  private final RecordCreation creation = mock(RecordCreation.class);

  @SuppressWarnings("unchecked")
  private final TracedKafkaSender kafka = mock(TracedKafkaSender.class);

  private final ClearedLeadListener listener =
      new ClearedLeadListener(
          creation,
          new CaptureTraces(ObservationRegistry.NOOP),
          kafka,
          Clock.fixed(NOW, ZoneOffset.UTC),
          new WriterProperties(
              URI.create("http://127.0.0.1:1"),
              Duration.ofSeconds(30),
              200,
              Duration.ofMillis(100),
              1,
              "Leadgate",
              "LinkedIn__c",
              "Leadgate_Person_Key__c",
              null,
              null,
              null,
              null));

  private final List<ConsumerRecord<String, LeadCleared>> batch =
      List.of(record(0, "held"), record(1, "flows"));

  @Test
  void anOrgWithoutAllowanceIsQueuedWithItsNotBeforeAndTheBatchGoesOn() {
    when(creation.create(anyList()))
        .thenReturn(new BatchResult(2, Duration.ZERO, null, List.of(0), REASON));
    doReturn(CompletableFuture.completedFuture(null)).when(kafka).send(any(ProducerRecord.class));

    listener.onCleared(batch);

    @SuppressWarnings("unchecked")
    ArgumentCaptor<ProducerRecord<String, Object>> sent =
        ArgumentCaptor.forClass(ProducerRecord.class);
    verify(kafka).send(sent.capture());
    assertThat(sent.getValue().topic()).isEqualTo(Topics.LEADS_TO_CREATE_DEFERRED.name());
    assertThat(sent.getValue().key()).isEqualTo(batch.get(0).key());
    assertThat(sent.getValue().value()).isEqualTo(batch.get(0).value());
    assertThat(DelayQueue.notBefore(sent.getValue().headers())).contains(NOW.plusSeconds(30));
    verify(creation).deferred(List.of(batch.get(0).value()), REASON, NOW.plusSeconds(30));
  }

  @Test
  void whenKafkaDoesNotAcknowledgeTheBatchIsReadAgainFromTheFirstDeferredRecord() {
    when(creation.create(anyList()))
        .thenReturn(new BatchResult(2, Duration.ZERO, null, List.of(1), REASON));
    doReturn(CompletableFuture.failedFuture(new KafkaException("broker down")))
        .when(kafka)
        .send(any(ProducerRecord.class));

    BatchListenerFailedException failed =
        catchThrowableOfType(BatchListenerFailedException.class, () -> listener.onCleared(batch));

    assertThat(failed.getIndex()).isEqualTo(1);
    assertThat(failed.getCause()).isInstanceOf(RetryLaterException.class);
    verify(creation, never()).deferred(anyList(), anyString(), any());
  }

  private static ConsumerRecord<String, LeadCleared> record(int offset, String who) {
    LeadCleared lead =
        JsonMapper.builder()
            .build()
            .readValue(
                GoldenSamples.read(GoldenSamples.LEAD_CLEARED)
                    .replace("6f1c2b1e-4d5a-4f7e-9a7b-2c1d0e9f8a01", who + "-capture")
                    .replace("ada@lovelace.example", who + "@example.com"),
                LeadCleared.class);
    return new ConsumerRecord<>(
        Topics.LEADS_TO_CREATE.name(),
        2,
        offset,
        Topics.personKey(lead.orgId(), lead.personKey()),
        lead);
  }
}
