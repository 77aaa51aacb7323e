package io.leadgate.capture.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusPositionTest {

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0.0.0", "12.0.7.3.9.1", "999999999999.1.2.3.4.5", "4"})
  void anIdRoundTrips(String id) {
    assertThat(StatusPosition.parse(id).orElseThrow().encode()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "1..2", "1.2.", "-1.0", "a.b", "1.2.3e4", " 1", "9999999999999999999", "１.２"})
  void anythingElseIsNotAnId(String id) {
    assertThat(StatusPosition.parse(id)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"3.4.5, 0, 3", "3.4.5, 2, 5", "3.4.5, 7, 0"})
  void aPartitionBeyondTheIdStartsAtZero(String id, int partition, long offset) {
    assertThat(StatusPosition.parse(id).orElseThrow().offset(partition)).isEqualTo(offset);
  }
}
