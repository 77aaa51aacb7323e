package io.leadgate.writer.create;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransientBackOffTest {

  private final TransientBackOff backOff =
      new TransientBackOff(Duration.ofMillis(200), Duration.ofSeconds(10));

  @ParameterizedTest
  @CsvSource({"1, 200", "2, 400", "3, 800", "6, 6400", "7, 10000", "50, 10000", "100000, 10000"})
  void doublesUpToTheMaximum(int attempt, long millis) {
    assertThat(backOff.delay(attempt)).isEqualTo(Duration.ofMillis(millis));
  }
}
