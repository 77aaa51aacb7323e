package io.leadgate.bench.system;

import java.util.Map;

/** Everything one workload measured, side by side with the naive checker on the same captures. */
record WorkloadResult(
    String name,
    String how,
    int planned,
    int accepted,
    Map<Integer, Integer> httpStatuses,
    int batchRetries,
    double sendSeconds,
    double endToEndSeconds,
    int finals,
    Map<String, Integer> finalStates,
    int unexpectedVerdicts,
    int deferredCaptures,
    LatencyStats latency,
    StageLatencies stages,
    EmulatorAdmin.Usage salesforceCalls,
    double attributedCalls,
    NaiveRun.Result naive,
    ProcessSampler.Window window) {

  double offeredPerSecond() {
    return accepted / sendSeconds;
  }

  double endToEndPerSecond() {
    return finals / endToEndSeconds;
  }

  double callsPerLead() {
    return accepted == 0 ? Double.NaN : (double) salesforceCalls.calls() / accepted;
  }
}
