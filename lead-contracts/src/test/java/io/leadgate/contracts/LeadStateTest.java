package io.leadgate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadStateTest {

  @ParameterizedTest
  @CsvSource({
    "RECEIVED, CHECKING, true",
    "CHECKING, RECEIVED, false",
    "CHECKING, DEFERRED, true",
    "DEFERRED, CHECKING, false",
    "DEFERRED, CREATED, true",
    "CHECKING, DUPLICATE, true",
    "CREATED, CREATED, false",
    "DUPLICATE, CREATED, false",
    "FAILED, RECEIVED, false"
  })
  void aStateOnlyAdvances(LeadState current, LeadState next, boolean advances) {
    assertThat(current.canAdvanceTo(next)).isEqualTo(advances);
  }
}
