package io.leadgate.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class BatchFetchTest {

  @Test
  void withoutAWaitAPollReturnsAsSoonAsAnythingArrivedAndAnIdleFetchIsHeldLong() {
    assertThat(BatchFetch.consumerSettings(1000, Duration.ZERO))
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000)
        .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1)
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
  }

  @Test
  void withAWaitTheBrokerHoldsTheFetchForAFullBatchOrTheWait() {
    assertThat(BatchFetch.consumerSettings(200, Duration.ofMillis(100)))
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200)
        .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 200 * 400)
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
  }

  @Test
  void anUnhurriedConsumersFetchIsAnsweredPerSizeOrWaitNotPerRecord() {
    assertThat(BatchFetch.unhurried(64 * 1024, Duration.ofMillis(500)))
        .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024)
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
  }
}
