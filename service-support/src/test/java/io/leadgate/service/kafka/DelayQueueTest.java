package io.leadgate.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DelayQueueTest {

  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  private final DelayQueue queue = new DelayQueue(Topics.LEADS_CAPTURED_DEFERRED);

  @Test
  void aCopyKeepsKeyAndValueAndCarriesItsNotBeforeInEpochMillis() {
    ConsumerRecord<String, String> source = record("org/email:a@b.example", null);
    source.headers().add(DelayQueue.NOT_BEFORE_HEADER, bytes("1"));

    ProducerRecord<String, Object> copy = queue.copyOf(source, NOW.plusSeconds(30));

    assertThat(copy.topic()).isEqualTo("leads.captured.deferred");
    assertThat(copy.key()).isEqualTo(source.key());
    assertThat(copy.value()).isEqualTo(source.value());
    assertThat(copy.headers().headers(DelayQueue.NOT_BEFORE_HEADER)).hasSize(1);
    assertThat(new String(copy.headers().lastHeader(DelayQueue.NOT_BEFORE_HEADER).value()))
        .isEqualTo(Long.toString(NOW.plusSeconds(30).toEpochMilli()));
    assertThat(DelayQueue.notBefore(copy.headers())).contains(NOW.plusSeconds(30));
  }

  @Test
  void aRecordIsDueAtItsNotBeforeAndWithoutOne() {
    assertThat(DelayQueue.remaining(headers(NOW.plusMillis(1500)), NOW))
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(DelayQueue.remaining(headers(NOW), NOW)).isZero();
    assertThat(DelayQueue.remaining(headers(NOW.minusSeconds(5)), NOW)).isZero();
    assertThat(DelayQueue.remaining(new RecordHeaders(), NOW)).isZero();
  }

  @Test
  void anUnreadableNotBeforeMakesTheRecordDueRatherThanStuck() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DelayQueue.NOT_BEFORE_HEADER, bytes("soon"));

    assertThat(DelayQueue.notBefore(headers)).isEmpty();
    assertThat(DelayQueue.remaining(headers, NOW)).isZero();
  }

  @Test
  void theBatchStopsAtTheFirstRecordNotYetDue() {
    List<ConsumerRecord<String, String>> batch =
        List.of(
            record("a", NOW.minusSeconds(1)),
            record("b", NOW),
            record("c", NOW.plusMillis(1)),
            record("d", NOW.minusSeconds(9)));

    assertThat(DelayQueue.firstNotDue(batch, NOW)).isEqualTo(2);
    assertThat(DelayQueue.firstNotDue(batch.subList(0, 2), NOW)).isEqualTo(2);
    assertThat(DelayQueue.firstNotDue(batch, NOW.minusSeconds(2))).isZero();
  }

  private static ConsumerRecord<String, String> record(String key, Instant notBefore) {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>("leads.captured", 3, 42L, key, "{\"captureId\":\"" + key + "\"}");
    if (notBefore != null) {
      record.headers().add(DelayQueue.NOT_BEFORE_HEADER, bytes(millis(notBefore)));
    }
    return record;
  }

  private static RecordHeaders headers(Instant notBefore) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DelayQueue.NOT_BEFORE_HEADER, bytes(millis(notBefore)));
    return headers;
  }

  private static String millis(Instant at) {
    return Long.toString(at.toEpochMilli());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
