package io.leadgate.bench.system;

import io.leadgate.emulator.id.SalesforceIds;
import java.util.List;

/**
 * One of the benchmark's three teams and its emulated org, as config/bench/tenants.yml names them.
 *
 * @param orgId15 the id the emulator seed uses
 * @param apiKeyVariable the environment variable holding the team's API key
 */
record BenchOrg(int number, String teamId, String orgId15, String clientId, String apiKeyVariable) {

  static final List<BenchOrg> ALL =
      List.of(
          new BenchOrg(1, "bench-1", "00D00000000BEN1", "bench-client-1", "BENCH_API_KEY_1"),
          new BenchOrg(2, "bench-2", "00D00000000BEN2", "bench-client-2", "BENCH_API_KEY_2"),
          new BenchOrg(3, "bench-3", "00D00000000BEN3", "bench-client-3", "BENCH_API_KEY_3"));

  /** The 18-character id Leadgate's services and events carry. */
  String orgId() {
    return SalesforceIds.to18(orgId15);
  }
}
