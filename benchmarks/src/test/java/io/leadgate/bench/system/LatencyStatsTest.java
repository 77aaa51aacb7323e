package io.leadgate.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

  @Test
  void nearestRankPercentilesOverOneToHundredMillis() {
    long[] nanos = new long[100];
    for (int i = 0; i < nanos.length; i++) {
      // Shuffled on purpose: the statistics sort a copy.
      nanos[i] = ((i * 37) % 100 + 1) * 1_000_000L;
    }
    LatencyStats stats = LatencyStats.of(nanos);
    assertThat(stats.count()).isEqualTo(100);
    assertThat(stats.p50()).isEqualTo(50.0);
    assertThat(stats.p95()).isEqualTo(95.0);
    assertThat(stats.p99()).isEqualTo(99.0);
    assertThat(stats.max()).isEqualTo(100.0);
    assertThat(stats.mean()).isEqualTo(50.5);
  }

  @Test
  void aFewSamplesRoundUpToTheNextRank() {
    LatencyStats stats = LatencyStats.of(new long[] {3_000_000, 1_000_000, 2_000_000});
    assertThat(stats.p50()).isEqualTo(2.0);
    assertThat(stats.p99()).isEqualTo(3.0);
  }

  @Test
  void noSamplesGiveNoNumbers() {
    assertThat(LatencyStats.of(new long[0]).p99()).isNaN();
  }
}
