package io.leadgate.bench.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --name value} pairs after the command. Run options and their defaults: seed (42),
 * seeded-per-org (2000), warmup (15000 single captures at the steady rate), warmup-batch (10000),
 * trickle-rate (10), trickle-seconds (60), steady-rate (500), steady-seconds (60), burst (50000),
 * batch-size (500), burst-concurrency (4), naive-sample (5000), kafka-records (1000000),
 * kafka-tools-classpath, stall-seconds (60), drain-seconds (300: the longest wait for a workload's
 * final states after its last send), pid-dir, broker-pid-file, capture-url, emulator-url,
 * emulator-token, bootstrap, java-version, mode, report, out.
 */
record Options(Map<String, String> values) {

  static Options parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      values.put(args[i].substring(2), args[++i]);
    }
    return new Options(values);
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }

  long longValue(String name, long fallback) {
    return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
  }

  long seed() {
    return longValue("seed", 42);
  }

  int seededPerOrg() {
    return integer("seeded-per-org", 2000);
  }

  String clientSecret() {
    String secret = System.getenv("BENCH_SALESFORCE_CLIENT_SECRET");
    return secret == null || secret.isBlank() ? "bench-secret" : secret;
  }
}
