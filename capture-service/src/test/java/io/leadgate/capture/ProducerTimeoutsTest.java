package io.leadgate.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProducerTimeoutsTest {

  @ParameterizedTest(name = "ack {0} ms, linger {1} ms")
  @CsvSource({"6000, 1", "4000, 1", "2000, 5", "30000, 5", "120000, 100"})
  void bothSendsResolveInsideTheAckTimeout(long ackMs, long lingerMs) {
    ProducerTimeouts timeouts = ProducerTimeouts.forAckTimeout(Duration.ofMillis(ackMs), lingerMs);

    // The producer gives up on each of the two sends before the client could be told 503...
    assertThat(timeouts.perSend().multipliedBy(2)).isLessThan(Duration.ofMillis(ackMs));
    // ...and Kafka accepts the combination (delivery ≥ linger + request timeout).
    assertThat(timeouts.delivery().toMillis())
        .isGreaterThanOrEqualTo(lingerMs + timeouts.requestTimeout().toMillis());
  }

  @ParameterizedTest
  @CsvSource({"100", "400"})
  void anAckTimeoutTooShortForKafkaIsRefused(long ackMs) {
    assertThatThrownBy(() -> ProducerTimeouts.forAckTimeout(Duration.ofMillis(ackMs), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
