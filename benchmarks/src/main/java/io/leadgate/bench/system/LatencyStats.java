package io.leadgate.bench.system;

import java.util.Arrays;

/** Exact percentiles (nearest rank) over every latency of a run, in milliseconds. */
record LatencyStats(int count, double p50, double p95, double p99, double max, double mean) {

  static LatencyStats of(long[] nanos) {
    if (nanos.length == 0) {
      return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long value : sorted) {
      sum += value;
    }
    return new LatencyStats(
        sorted.length,
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 95)),
        millis(percentile(sorted, 99)),
        millis(sorted[sorted.length - 1]),
        sum / sorted.length / 1e6);
  }

  /** The smallest value with at least {@code p}% of the values at or below it. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
