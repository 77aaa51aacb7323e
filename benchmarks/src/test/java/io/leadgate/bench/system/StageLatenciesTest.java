package io.leadgate.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageLatenciesTest {

  private static StageLatencies.Capture capture(
      long intended, long received, long checking, String state, long written, long seen) {
    return new StageLatencies.Capture(intended, received, checking, state, written, seen);
  }

  @Test
  void aNewPersonsTimeIsSplitAtItsStatusesAndADuplicateIsCheckedUntilItsVerdict() {
    StageLatencies stages =
        StageLatencies.of(
            List.of(
                capture(1_000, 1_010, 1_050, "CREATED", 1_200, 1_203),
                capture(2_000, 2_020, 0, "DUPLICATE", 2_090, 2_091)));

    assertThat(stages.accepted().count()).isEqualTo(2);
    assertThat(stages.accepted().max()).isEqualTo(20.0);
    assertThat(stages.checked().count()).isEqualTo(2);
    assertThat(stages.checked().p50()).isEqualTo(40.0); // the new person: 1,010 → 1,050
    assertThat(stages.checked().max()).isEqualTo(70.0); // the duplicate: 2,020 → 2,090
    assertThat(stages.created().count()).isEqualTo(1);
    assertThat(stages.created().max()).isEqualTo(150.0);
    assertThat(stages.read().max()).isEqualTo(3.0);
  }

  @Test
  void aStatusNotSeenLeavesItsStagesOutRatherThanCountingFromZero() {
    StageLatencies stages =
        StageLatencies.of(List.of(capture(1_000, 0, 0, "CREATED", 1_200, 1_201)));

    assertThat(stages.accepted().count()).isZero();
    assertThat(stages.checked().count()).isZero();
    assertThat(stages.created().count()).isZero();
    assertThat(stages.read().count()).isEqualTo(1);
  }
}
